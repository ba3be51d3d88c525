import type { ExportNames } from './export-names';

/**
 * How a cell is written: `number` and `decimal` as numeric cells (#,##0 / #,##0.0),
 * `percent` as a numeric fraction (0.352 shown 35.2%), `date` (YYYY-MM-DD), `month`
 * (YYYY-MM) and `datetime` (a timestamp, shown in Japan time) as dates, `text` as text.
 */
export type CellKind = 'text' | 'number' | 'decimal' | 'percent' | 'date' | 'month' | 'datetime';

export interface ExportColumn<R> {
  /** The Japanese header. */
  header: string;
  kind: CellKind;
  /** Reads the cell from one item of the JSON answer; names resolve ids to what people call them. */
  value: (row: R, names: ExportNames) => unknown;
}

export interface ExportHeader {
  header: string;
  kind: CellKind;
}

/** One sheet of a file: its headers and its rows, already read into cells. */
export interface ExportSheet {
  name: string;
  headers: ExportHeader[];
  rows: unknown[][];
}

/** What the id columns of a definition need looked up (loaded once per file). */
export type NameList = 'unions' | 'federations' | 'regionalCouncils' | 'users';

interface Named {
  /** The Japanese file name without extension (組織拡大の推移) and its ASCII fallback (growth). */
  fileName: string;
  asciiName: string;
  needs?: NameList[];
}

/** A report: its whole JSON answer becomes one or more sheets (CSV takes the first). */
export interface ReportExport extends Named {
  kind: 'report';
  sheets: (answer: unknown, names: ExportNames) => ExportSheet[];
}

/** A paged list: every item in the caller's scope becomes a row, read page after page. */
export interface ListExport extends Named {
  kind: 'list';
  sheetName: string;
  headers: ExportHeader[];
  cells: (item: unknown, names: ExportNames) => unknown[];
}

export type ExportDefinition = ReportExport | ListExport;

const headersOf = <R>(columns: ExportColumn<R>[]): ExportHeader[] => columns.map(({ header, kind }) => ({ header, kind }));

/** A sheet of a report from its rows and columns. */
export function sheet<R>(name: string, columns: ExportColumn<R>[], rows: readonly R[], names: ExportNames): ExportSheet {
  return { name, headers: headersOf(columns), rows: rows.map((row) => columns.map((c) => c.value(row, names))) };
}

/** A report export whose answer has the shape A (the handler's JSON answer). */
export function reportExport<A>(named: Named, sheets: (answer: A, names: ExportNames) => ExportSheet[]): ReportExport {
  return { ...named, kind: 'report', sheets: (answer, names) => sheets(answer as A, names) };
}

/** A list export whose items have the shape R (one item of the page's `items`). */
export function listExport<R>(named: Named & { sheetName: string }, columns: ExportColumn<R>[]): ListExport {
  return { ...named, kind: 'list', headers: headersOf(columns), cells: (item, names) => columns.map((c) => c.value(item as R, names)) };
}

/** Column helpers: `col.number('組合員数', (r) => r.members)`. */
const column =
  (kind: CellKind) =>
  <R>(header: string, value: (row: R, names: ExportNames) => unknown): ExportColumn<R> => ({ header, kind, value });

export const col = {
  text: column('text'),
  number: column('number'),
  decimal: column('decimal'),
  percent: column('percent'),
  date: column('date'),
  month: column('month'),
  datetime: column('datetime'),
};

/** はい / いいえ for a yes-or-no value. */
export const yesNo = (value: boolean | null | undefined): string | null => (value === null || value === undefined ? null : value ? 'はい' : 'いいえ');

/** A feature's exports by route path (after /api/v1, as declared: `/goals/:id/progress`). */
export type RouteExports = Record<string, ExportDefinition>;
