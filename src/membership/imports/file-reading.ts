// before exceljs: its streaming reader's fix for characters split across chunks
import './xlsx-utf8';
import { createReadStream } from 'node:fs';
import { Transform, TransformCallback, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A row of the file as Excel numbers it (the header is row 1), its cells in column order. */
export interface SheetRow {
  number: number;
  cells: unknown[];
}

export type SheetFormat = 'xlsx' | 'csv';

/** Counts the bytes a stream has passed on, for the progress of a check. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** `.xlsx` by its zip signature, anything else read as CSV. */
export async function sheetFormat(path: string): Promise<SheetFormat> {
  for await (const chunk of createReadStream(path, { start: 0, end: 3 })) {
    return (chunk as Buffer).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
  }
  return 'csv';
}

/**
 * UTF-8 when the whole file decodes as strict UTF-8 (with or without BOM), else Shift_JIS
 * (CP932, what Japanese Excel writes). One streaming pass: a CP932 file of Japanese text is
 * practically never valid UTF-8, and a UTF-8 file always is.
 */
export async function csvEncoding(path: string): Promise<'utf8' | 'cp932'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'cp932';
  }
}

export interface SheetReader {
  rows: AsyncGenerator<SheetRow>;
  /** Bytes of the file read so far. */
  bytesRead(): number;
}

/** The first worksheet's rows, streamed: memory stays flat however long the sheet. */
async function* xlsxRows(counter: ByteCounter): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counter, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 empty)
      const values = (row.values as unknown[]).slice(1);
      yield { number: row.number, cells: values };
    }
    return;
  }
}

async function* csvRows(counter: ByteCounter, encoding: 'utf8' | 'cp932'): AsyncGenerator<SheetRow> {
  const decoded = encoding === 'utf8' ? counter.pipe(iconv.decodeStream('utf8', { stripBOM: true })) : counter.pipe(iconv.decodeStream('cp932'));
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    // Excel shows one row per record, blank lines included
    number++;
    yield { number, cells: record };
  }
}

export async function openSheet(path: string): Promise<SheetReader> {
  const format = await sheetFormat(path);
  const encoding = format === 'csv' ? await csvEncoding(path) : 'utf8';
  const counter = new ByteCounter();
  // a read error ends the counter with it, and so the rows
  pipeline(createReadStream(path), counter, () => undefined);
  return { rows: format === 'xlsx' ? xlsxRows(counter) : csvRows(counter, encoding), bytesRead: () => counter.bytes };
}
