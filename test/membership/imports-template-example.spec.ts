import { IMPORT_KINDS } from '../../src/import-kinds';
import { type ImportKindName, IMPORT_KIND_NAMES } from '../../src/platform/imports/import-kinds';
import { templateExampleProblem } from '../../src/platform/imports/staging/template-example';

const kind = (name: ImportKindName) => IMPORT_KINDS.get(name);
const example = (name: ImportKindName) => Object.fromEntries(kind(name).columns.map((c) => [c.field, c.example]));

describe('the template example row', () => {
  it.each(IMPORT_KIND_NAMES)('is recognised in a %s file, by row and first example column', (name) => {
    const problem = templateExampleProblem(kind(name), 2, example(name));
    expect(problem).toMatchObject({ row: 2, message: expect.stringContaining('ひな形の記入例') });
    expect(problem?.column).toBe(kind(name).columns.find((c) => c.example !== '')!.header);
  });

  it('is recognised typed in full-width digits (as the check reads every cell)', () => {
    expect(templateExampleProblem(kind('membership-changes'), 2, { ...example('membership-changes'), delta: '１２' })).not.toBeNull();
  });

  it('is not a row that differs in one cell, nor a file with too few example columns', () => {
    expect(templateExampleProblem(kind('membership-changes'), 2, { ...example('membership-changes'), delta: 13 })).toBeNull();
    expect(templateExampleProblem(kind('prospects'), 5, { ...example('prospects'), employerName: '株式会社みなと運輸' })).toBeNull();
    expect(templateExampleProblem(kind('membership-changes'), 2, { unionCode: 'U-0001', delta: 12 })).toBeNull();
  });

  it('is only the row under the headers: the same values further down are data', () => {
    expect(templateExampleProblem(kind('membership-survey'), 3, example('membership-survey'))).toBeNull();
  });
});
