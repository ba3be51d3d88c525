import { describe, expect, it } from 'vitest';
import { problemSummary, problemsCsv, problemsFileName, rowLabel, sortProblems, type Problem } from './problems';

const problems: Problem[] = [
  { row: 12, column: '増減数', value: '3', message: '事由「定年退職」は減少の事由です。増減数は負の数（例: -3）にしてください' },
  { row: 3, column: '発効日', value: '2026-02-30', message: '存在しない日付です' },
  { row: 12, column: '事由', value: '転勤', message: '事由「転勤」は一覧にありません' },
  { row: 3, column: '組合コード', value: 'U-9999', message: '組合コード「U-9999」は登録されていません' },
];

describe('sortProblems', () => {
  it('orders by row and keeps a row’s problems in the file’s column order', () => {
    expect(sortProblems(problems).map((p) => `${p.row}:${p.column}`)).toEqual(['3:発効日', '3:組合コード', '12:増減数', '12:事由']);
  });

  it('turns to the last rows first when asked, a row’s problems still in column order', () => {
    expect(sortProblems(problems, 'descending').map((p) => `${p.row}:${p.column}`)).toEqual(['12:増減数', '12:事由', '3:発効日', '3:組合コード']);
  });

  it('does not change the list it was given', () => {
    const copy = [...problems];
    sortProblems(problems);
    expect(problems).toEqual(copy);
  });
});

describe('problemsCsv', () => {
  const csv = problemsCsv(problems);

  it('starts with a UTF-8 BOM so Excel reads the Japanese', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has Japanese headers and the rows in order, in CRLF lines', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('行,列,値,内容');
    expect(lines[1]).toBe('3,発効日,2026-02-30,存在しない日付です');
    expect(lines[2]).toBe('3,組合コード,U-9999,組合コード「U-9999」は登録されていません');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    const line = problemsCsv([{ row: 5, column: '備考', value: 'a,"b"\nc', message: 'x' }])
      .slice(1)
      .split('\r\n')[1];
    expect(line).toBe('5,備考,"a,""b""\nc",x');
  });

  it('never lets a cell run as a formula, and leaves negative numbers as they are', () => {
    const lines = problemsCsv([
      { row: 2, column: '備考', value: '=HYPERLINK("x")', message: 'x' },
      { row: 3, column: '増減数', value: '-3', message: 'x' },
    ])
      .slice(1)
      .split('\r\n');
    expect(lines[1]).toBe(`2,備考,"'=HYPERLINK(""x"")",x`);
    expect(lines[2]).toBe('3,増減数,-3,x');
  });

  it('leaves the row empty for a problem of the whole file', () => {
    expect(
      problemsCsv([{ row: 0, column: '', value: '', message: '見出し「発効日」がありません' }])
        .slice(1)
        .split('\r\n')[1],
    ).toBe(',,,見出し「発効日」がありません');
  });
});

describe('problemSummary', () => {
  it('counts the rows with problems among the rows read, written the Japanese way', () => {
    expect(problemSummary(1234, 1231)).toBe('1,234行中 3行に誤りがあります');
  });

  it('says when every row is good', () => {
    expect(problemSummary(1500, 1500)).toBe('1,500行すべてに誤りはありません');
  });
});

describe('rowLabel and problemsFileName', () => {
  it('names the whole file when a problem has no row', () => {
    expect(rowLabel(0)).toBe('ファイル全体');
    expect(rowLabel(1024)).toBe('1,024');
  });

  it('names the download after the file checked', () => {
    expect(problemsFileName('組合員増減_2026年4月.xlsx')).toBe('組合員増減_2026年4月_誤り一覧.csv');
  });
});
