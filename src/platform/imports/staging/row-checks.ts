import type { ImportKind } from '../import-kinds';
import { Parsed, cellText } from '../reading/cell-values';

/** A problem of one cell: `row` as Excel shows it, `column` the header; a stable `code` beside the Japanese `message`. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export type RowValues = Record<string, unknown>;

/** Checks one data row of a kind; rows come in file order. */
export interface RowChecker<S> {
  check(row: number, values: RowValues): { staged: S | null; errors: RowError[] };
}

/** Reads each field with its parser and collects the problems under the column's header. */
export class Cells {
  readonly errors: RowError[] = [];
  constructor(
    private readonly kind: ImportKind,
    private readonly row: number,
    readonly values: RowValues,
  ) {}

  read<T>(field: string, parse: (value: unknown) => Parsed<T>): T | null {
    const value = this.values[field];
    const result = parse(value);
    if (result.ok) return result.value;
    this.fail(field, result.code, result.message);
    return null;
  }

  /** An optional cell: null when blank, else read. */
  optional<T>(field: string, parse: (value: unknown) => Parsed<T>): T | null {
    return blank(this.values[field]) ? null : this.read(field, parse);
  }

  /** A problem of the cell; `value` names one part of it (an address of several) instead of the whole cell. */
  fail(field: string, code: string, message: string, value = cellText(this.values[field])): void {
    const header = this.kind.columns.find((c) => c.field === field)?.header ?? field;
    this.problem(header, value, code, message);
  }

  /** A problem under a header of its own (a union named by code or by name). */
  problem(column: string, value: string, code: string, message: string): void {
    this.errors.push({ row: this.row, column, value, code, message });
  }
}

export const blank = (value: unknown): boolean => cellText(value) === '';

/** Text of at most `max` characters (NFKC, trimmed), as the API's MaxLength. */
export const textUpTo =
  (max: number, normalize: (text: string) => string = (t) => t) =>
  (value: unknown): Parsed<string> => {
    const text = normalize(cellText(value));
    if (text === '') return { ok: false, code: 'VALUE_MISSING', message: '入力してください' };
    return text.length <= max ? { ok: true, value: text } : { ok: false, code: 'TEXT_TOO_LONG', message: `${max.toLocaleString('ja-JP')}文字までです` };
  };
