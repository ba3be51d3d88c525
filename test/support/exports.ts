import { IncomingMessage, get } from 'node:http';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { TestApp } from './test-app';

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** A GET answered as a file: the raw bytes, nothing decoded. */
export async function download(t: TestApp, path: string, token: string): Promise<Download> {
  const response = await fetch(`${t.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every sheet of an xlsx as rows of cell values (header row first), by sheet name. */
export async function readWorkbook(bytes: Buffer): Promise<{ book: ExcelJS.Workbook; sheets: Map<string, unknown[][]> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return { book, sheets };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A CSV answer's rows (header first), after checking its BOM; cells stay text, as a reader sees them. */
export function readCsv(bytes: Buffer): string[][] {
  if (!bytes.subarray(0, 3).equals(BOM)) throw new Error('the CSV does not start with a UTF-8 BOM');
  const rows: string[][] = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false });
  return rows;
}

/** The file name a browser would save: filename* decoded. */
export function savedFileName(headers: Headers): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(headers.get('content-disposition') ?? '')?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
}

/** Every JSON page of a list, one after another (the way a client pages through it). */
export async function allPages(t: TestApp, path: string, token: string): Promise<any[]> {
  const items: any[] = [];
  for (let offset = 0; ; offset += 500) {
    const answer = await t.requestUntyped('GET', `${path}${path.includes('?') ? '&' : '?'}limit=500&offset=${offset}`, { token });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
    items.push(...answer.body.items);
    if (items.length >= answer.body.total) return items;
  }
}

/** A file read as a slow client reads it: the server waits for it between pages (backpressure). */
export interface SlowDownload {
  status: number;
  /** Reads until at least `bytes` bytes in all have come. */
  readAtLeast(bytes: number): Promise<void>;
  /** Reads to the end and answers every byte, the first part included. */
  rest(): Promise<Buffer>;
}

/**
 * A GET read chunk by chunk, only when asked. node:http, not fetch: a paused response stops
 * reading its socket, so what waits unread is at most the sockets' buffers (fetch reads ahead
 * into memory and would let the server run on).
 */
export async function slowDownload(t: TestApp, path: string, token: string): Promise<SlowDownload> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${t.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject);
  });
  const chunks = response[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const read: Buffer[] = [];
  let bytes = 0;
  const more = async (): Promise<boolean> => {
    const next = await chunks.next();
    if (next.done) return false;
    read.push(next.value);
    bytes += next.value.length;
    return true;
  };
  return {
    status: response.statusCode ?? 0,
    readAtLeast: async (wanted) => {
      while (bytes < wanted) if (!(await more())) throw new Error(`${path}: ended after ${bytes} bytes`);
    },
    rest: async () => {
      while (await more());
      return Buffer.concat(read);
    },
  };
}
