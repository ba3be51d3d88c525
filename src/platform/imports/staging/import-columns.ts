import { CodeList, cellText } from '../reading/cell-values';
import type { ImportKind } from '../import-kinds';

export type StructureList = 'federations' | 'councils' | 'sectors';

/** A column of a template: its Japanese header (what the template writes), its English alias, and the code list behind it. */
export interface ImportColumn {
  field: string;
  header: string;
  required: boolean;
  /** The codes the column takes (its drop-down in the template, by label). */
  list?: CodeList;
  /** The structure a coded column names: its drop-down is read from the database when the template is downloaded. */
  structure?: StructureList;
  example: string | number;
  help: string;
}

/** "組合コード, 組合名, 発効日, …": the expected headers, for every header error. */
export const expectedHeaders = (kind: ImportKind): string => kind.columns.map((c) => c.header).join('、');

export interface HeaderProblem {
  column: string;
  value: string;
  code: string;
  message: string;
}

/**
 * Maps the header row to fields: Japanese headers or the English field names, in any
 * order. Unknown or repeated headers, and missing required ones, are problems; a blank
 * header cell (Excel's trailing empty columns) is ignored.
 */
export function readHeader(kind: ImportKind, cells: unknown[]): { fields: (string | null)[]; problems: HeaderProblem[] } {
  const columns = kind.columns;
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) {
    byName.set(c.header, c);
    byName.set(c.field.toLowerCase(), c);
  }
  const expected = `正しい見出しは ${expectedHeaders(kind)} です`;
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  const fields = cells.map((cell, i) => {
    const text = cellText(cell);
    if (text === '') return null;
    const column = byName.get(text) ?? byName.get(text.toLowerCase());
    const letter = columnLetter(i);
    if (!column) {
      problems.push({ column: letter, value: text, code: 'HEADER_UNKNOWN', message: `見出し「${text}」は使えません。${expected}` });
      return null;
    }
    if (seen.has(column.field))
      problems.push({ column: letter, value: text, code: 'HEADER_REPEATED', message: `見出し「${text}」が重複しています。${expected}` });
    seen.add(column.field);
    return column.field;
  });
  const oneOf = columns.filter((c) => kind.oneOfHeaders?.includes(c.field));
  if (oneOf.length && !oneOf.some((c) => seen.has(c.field))) {
    problems.push({
      column: '',
      value: '',
      code: 'HEADER_MISSING',
      message: `見出し${oneOf.map((c) => `「${c.header}」`).join('または')}がありません。${expected}`,
    });
  }
  for (const c of columns.filter((c) => c.required && !seen.has(c.field))) {
    problems.push({ column: '', value: '', code: 'HEADER_MISSING', message: `見出し「${c.header}」がありません。${expected}` });
  }
  return { fields, problems };
}

/** A, B, … Z, AA: the column as Excel names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
