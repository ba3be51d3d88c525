import { formatNumber } from '../../platform/format/format';
import type { Direction } from '../../platform/tables/sort';

/** A problem the check found in one cell: `row` as Excel numbers it, `column` the header (empty for the whole file). */
export interface Problem {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** Problems by row; a row's problems keep the file's column order. */
export function sortProblems(problems: readonly Problem[], direction: Direction = 'ascending'): Problem[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => sign * (a.problem.row - b.problem.row) || a.index - b.index)
    .map(({ problem }) => problem);
}

/** 「1,234行中 3行に誤りがあります」, or that every row is good. */
export function problemSummary(rowsRead: number, rowsValid: number): string {
  const bad = rowsRead - rowsValid;
  if (bad === 0) return `${formatNumber(rowsRead)}行すべてに誤りはありません`;
  return `${formatNumber(rowsRead)}行中 ${formatNumber(bad)}行に誤りがあります`;
}

/** The file's row of a problem, or that it concerns the whole file (its headers, its format). */
export function rowLabel(row: number): string {
  return row > 0 ? formatNumber(row) : 'ファイル全体';
}

const UTF8_BOM = '\uFEFF';

/** A cell Excel reads as text: quoted when needed, and never run as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d,.]*$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The problems as a CSV the person opens in Excel beside the file: UTF-8 with a BOM (so
 * Excel reads the Japanese), CRLF lines, the rows in order.
 */
export function problemsCsv(problems: readonly Problem[]): string {
  const lines = [['行', '列', '値', '内容'].join(',')];
  for (const p of sortProblems(problems)) lines.push([p.row > 0 ? p.row : '', p.column, p.value, p.message].map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** 「会員増減_4月.xlsx」 → 「会員増減_4月_誤り一覧.csv」 */
export function problemsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}_誤り一覧.csv`;
}
