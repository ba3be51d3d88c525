// before exceljs: its streaming reader's fix for characters split across chunks
import './xlsx-utf8';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform, TransformCallback, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SPREADSHEET_LIMITS, refusals } from './spreadsheet-limits';
import { XlsxPart, openXlsxPart, readXlsxParts } from './xlsx-parts';

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

type ExcelWorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader> & {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
};

/** Fails the sheet's stream when the XML since the last row passes a row's cap (one giant cell). */
class RowSpan extends Transform {
  private bytes = 0;
  row = 1;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > SPREADSHEET_LIMITS.maxRowXmlBytes) return done(refusals.row(this.row + 1));
    done(null, chunk);
  }
  rowRead(number: number): void {
    this.row = number;
    this.bytes = 0;
  }
}

/** The workbook's first sheet: the one its workbook lists first, else the first in the zip. */
function firstSheet(reader: ExcelWorkbookReader, parts: Map<string, XlsxPart>): string | undefined {
  const sheetNames = [...parts.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((rel) => rel.Id === first.rId)?.Target.replace(/^\/?(xl\/)?/, 'xl/');
  return target && parts.has(target) ? target : sheetNames[0];
}

/**
 * The first worksheet's rows, streamed: memory stays flat however long the sheet. The parts
 * are read in the order the sheet needs them (relations, workbook, styles, shared strings,
 * then the sheet), each inflated under its cap straight from the uploaded file, so nothing
 * is written to a temporary folder whatever order the zip holds them in.
 */
async function* xlsxRows(path: string, fileSize: number, counted: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const parts = await readXlsxParts(path, fileSize);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  }) as ExcelWorkbookReader;
  const open = (name: string, cap: number, overCap = () => refusals.part(name)) => openXlsxPart(path, parts.get(name) as XlsxPart, { cap, overCap, counted });
  const small = SPREADSHEET_LIMITS.maxSmallPartBytes;
  if (parts.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await open('xl/_rels/workbook.xml.rels', small));
  if (parts.has('xl/workbook.xml')) await reader._parseWorkbook(await open('xl/workbook.xml', small));
  if (parts.has('xl/styles.xml')) await reader._parseStyles(await open('xl/styles.xml', small));
  const strings = parts.has('xl/sharedStrings.xml')
    ? await open('xl/sharedStrings.xml', SPREADSHEET_LIMITS.maxSharedStringsBytes, refusals.sharedStrings)
    : Readable.from([]);
  for await (const _ of reader._parseSharedStrings(strings));
  const name = firstSheet(reader, parts);
  if (!name) throw refusals.noSheet();
  const content = await open(name, Number.MAX_SAFE_INTEGER);
  const span = new RowSpan();
  pipeline(content, span, () => undefined);
  try {
    for (const { value: sheet } of reader._parseWorksheet(span, (/(\d+)\.xml$/.exec(name) as RegExpExecArray)[1])) {
      for await (const row of sheet) {
        span.rowRead(row.number);
        // row.values is 1-based (index 0 empty)
        yield { number: row.number, cells: (row.values as unknown[]).slice(1) };
      }
    }
  } finally {
    // left early (the row limit, a refusal): close the file
    span.destroy();
    content.destroy();
  }
}

async function* csvRows(counter: ByteCounter, encoding: 'utf8' | 'cp932'): AsyncGenerator<SheetRow> {
  const decoded = encoding === 'utf8' ? counter.pipe(iconv.decodeStream('utf8', { stripBOM: true })) : counter.pipe(iconv.decodeStream('cp932'));
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, max_record_size: SPREADSHEET_LIMITS.maxCsvRecordChars }));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // Excel shows one row per record, blank lines included
      number++;
      yield { number, cells: record };
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw refusals.csvRecord(number + 1);
    throw error;
  } finally {
    counter.destroy();
  }
}

export async function openSheet(path: string): Promise<SheetReader> {
  const format = await sheetFormat(path);
  if (format === 'xlsx') {
    let bytes = 0;
    return { rows: xlsxRows(path, (await stat(path)).size, (n) => (bytes += n)), bytesRead: () => bytes };
  }
  const encoding = await csvEncoding(path);
  const counter = new ByteCounter();
  // a read error ends the counter with it, and so the rows
  pipeline(createReadStream(path), counter, () => undefined);
  return { rows: csvRows(counter, encoding), bytesRead: () => counter.bytes };
}
