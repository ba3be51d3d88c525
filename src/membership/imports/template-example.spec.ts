import { COLUMNS } from './import-columns';
import { templateExampleProblem } from './template-example';

const example = (kind: keyof typeof COLUMNS) => Object.fromEntries(COLUMNS[kind].map((c) => [c.field, c.example]));

describe('the template example row', () => {
  it.each(Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])('is recognised in a %s file, by row and first example column', (kind) => {
    const problem = templateExampleProblem(kind, 2, example(kind));
    expect(problem).toMatchObject({ row: 2, message: expect.stringContaining('ひな形の記入例') });
    expect(problem?.column).toBe(COLUMNS[kind].find((c) => c.example !== '')!.header);
  });

  it('is recognised typed in full-width digits (as the check reads every cell)', () => {
    expect(templateExampleProblem('membership-changes', 2, { ...example('membership-changes'), delta: '１２' })).not.toBeNull();
  });

  it('is not a row that differs in one cell, nor a file with too few example columns', () => {
    expect(templateExampleProblem('membership-changes', 2, { ...example('membership-changes'), delta: 13 })).toBeNull();
    expect(templateExampleProblem('prospects', 5, { ...example('prospects'), employerName: '株式会社みなと運輸' })).toBeNull();
    expect(templateExampleProblem('membership-changes', 2, { unionCode: 'U-0001', delta: 12 })).toBeNull();
  });

  it('is only the row under the headers: the same values further down are data', () => {
    expect(templateExampleProblem('membership-survey', 3, example('membership-survey'))).toBeNull();
  });
});
