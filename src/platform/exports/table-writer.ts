import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportHeader } from './export-definition';
import { NUMBER_FORMATS, csvField, xlsxValue } from './export-cells';
import type { ExportFormat } from './export-format';

/** Writes sheets of rows to a stream as they come, so a file of any length is never held whole. */
export interface TableWriter {
  startSheet(name: string, headers: ExportHeader[]): void;
  addRows(rows: unknown[][]): void;
  end(): Promise<void>;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * CSV in UTF-8 with a BOM and CRLF line ends, the form Japanese Excel opens without
 * garbling. A CSV has one table: a report's first sheet, which holds every group long-form.
 */
class CsvWriter implements TableWriter {
  private headers: ExportHeader[] | undefined;
  private sheets = 0;

  constructor(private readonly out: Writable) {
    out.write(BOM);
  }

  startSheet(_name: string, headers: ExportHeader[]): void {
    this.sheets++;
    if (this.sheets > 1) return;
    this.headers = headers;
    this.out.write(headers.map((h) => csvField(h.header, 'text')).join(',') + CRLF);
  }

  addRows(rows: unknown[][]): void {
    const headers = this.headers;
    if (this.sheets > 1 || !headers || rows.length === 0) return;
    this.out.write(rows.map((row) => row.map((value, i) => csvField(value, headers[i].kind)).join(',')).join(CRLF) + CRLF);
  }

  end(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '・').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(candidate);
  return candidate;
}

const WIDTHS: Record<ExportHeader['kind'], number> = { text: 24, number: 12, decimal: 12, percent: 10, date: 12, month: 11, datetime: 17 };

/** xlsx through exceljs' streaming writer: each row is committed (written out) as soon as it is added. */
class XlsxWriter implements TableWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | undefined;
  private headers: ExportHeader[] = [];
  private readonly names = new Set<string>();

  constructor(out: Writable) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  }

  startSheet(name: string, headers: ExportHeader[]): void {
    this.sheet?.commit();
    const sheet = this.book.addWorksheet(sheetName(name, this.names), { views: [{ state: 'frozen', ySplit: 1 }] });
    headers.forEach((h, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(WIDTHS[h.kind], Math.min(40, h.header.length * 2 + 2));
      const numFmt = NUMBER_FORMATS[h.kind];
      if (numFmt) column.numFmt = numFmt;
    });
    const header = sheet.addRow(headers.map((h) => h.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.numFmt = '@'));
    header.commit();
    this.sheet = sheet;
    this.headers = headers;
  }

  addRows(rows: unknown[][]): void {
    const { sheet, headers } = this;
    if (!sheet) return;
    for (const row of rows) sheet.addRow(row.map((value, i) => xlsxValue(value, headers[i].kind))).commit();
  }

  async end(): Promise<void> {
    this.sheet?.commit();
    await this.book.commit();
  }
}

export function tableWriter(format: ExportFormat, out: Writable): TableWriter {
  return format === 'csv' ? new CsvWriter(out) : new XlsxWriter(out);
}
