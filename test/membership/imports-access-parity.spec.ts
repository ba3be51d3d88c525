import { IMPORT_KINDS } from '../../src/import-kinds';
import { IMPORTERS as CONSOLE_IMPORTERS } from '../../web/src/membership/imports/import-kinds';

/** The console offers a role the kinds the API lets it import: the two tables are one rule. */
describe('who may import which kind', () => {
  it('is the same rule in the console as in the API', () => {
    const sorted = (table: Record<string, readonly string[]>) => Object.fromEntries(Object.entries(table).map(([kind, roles]) => [kind, [...roles].sort()]));
    expect(sorted(CONSOLE_IMPORTERS)).toEqual(sorted(IMPORT_KINDS.importers()));
    expect(Object.keys(CONSOLE_IMPORTERS).sort()).toEqual([
      'companies',
      'company-relations',
      'governance-compositions',
      'membership-changes',
      'membership-survey',
      'prospects',
      'unions',
    ]);
  });
});
