import { request as httpRequest } from 'node:http';
import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { IMPORTS_QUEUE } from '../../src/platform/queue/queues';
import type { Answer, TestApp } from './test-app';
import { waitFor } from './worker-process';

export type Cell = string | number | Date | null;

/** An .xlsx of one sheet with these rows (the first being the header), built as Excel would save it. */
export async function xlsxFile(rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (cell: Cell): string => {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : String(cell);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV as Japanese Excel saves it: CRLF lines, in Shift_JIS (CP932) or UTF-8 with a BOM. */
export function csvFile(rows: Cell[][], encoding: 'cp932' | 'utf8-bom' | 'utf8'): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.from((encoding === 'utf8-bom' ? '\ufeff' : '') + text, 'utf8');
}

/** POST /imports as a browser sends it: multipart with `kind` and `file`. */
export async function upload(t: TestApp, token: string, kind: string, file: Buffer, fileName: string): Promise<Answer> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const response = await fetch(`${t.baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** Polls GET /imports/:id until its state is one of `states`; answers the import. */
export async function importIn(t: TestApp, token: string, id: string, states: string[]): Promise<any> {
  let last: any;
  await waitFor(
    `import ${id} to be ${states.join(' or ')}`,
    async () => {
      last = (await t.request('GET', `/imports/${id}`, { token })).body;
      return states.includes(last?.state);
    },
    60_000,
  );
  return last;
}

/** Uploads and waits for the check to end. */
export async function check(t: TestApp, token: string, kind: string, file: Buffer, fileName = 'changes.xlsx'): Promise<any> {
  const answer = await upload(t, token, kind, file, fileName);
  if (answer.status !== 202) throw new Error(`upload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return importIn(t, token, answer.body.id, ['checked', 'rejected']);
}

/** Commits a checked import and waits for it to end. */
export async function commit(t: TestApp, token: string, id: string, headers: Record<string, string> = {}): Promise<{ answer: Answer; entry: any }> {
  const answer = await t.request('POST', `/imports/${id}/commit`, { token, headers });
  if (answer.status !== 202) return { answer, entry: null };
  return { answer, entry: await importIn(t, token, id, ['committed', 'failed']) };
}

export async function clearImportsQueue(t: TestApp): Promise<void> {
  const queue = new Queue(IMPORTS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}

/**
 * The status of a multipart upload of `bytes` bytes, streamed in chunks; the socket is
 * closed as soon as the answer comes (a refused upload is answered before it is all sent).
 */
export function uploadStatus(t: TestApp, token: string, bytes: number): Promise<number> {
  const boundary = 'test-boundary-7f3a';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmembership-changes\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${t.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + bytes + tail.length,
      },
    });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const send = async (): Promise<void> => {
      request.write(head);
      for (let sent = 0; sent < bytes && !answered; sent += chunk.length) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        if (!request.write(part)) await new Promise((r) => request.once('drain', r));
      }
      if (!answered) request.end(tail);
    };
    void send().catch(() => undefined);
  });
}
