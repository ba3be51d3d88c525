import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearImportsQueue, csvFile, upload } from '../support/imports';
import type { Answer } from '../support/test-app';
import { TestApp, bootTestApp } from '../support/test-app';

const BOUNDARY = 'hostile-boundary-5c1e';

/**
 * POST /imports with the file name written into the part's header byte for byte (FormData
 * would escape it); the kind before the file, as the console sends it, or after it.
 */
async function uploadNamed(t: TestApp, fileName: string, content: Buffer, kind = 'membership-changes', kindLast = false): Promise<Answer> {
  const kindPart = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`);
  const filePart = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from('\r\n'),
  ]);
  const body = Buffer.concat([...(kindLast ? [filePart, kindPart] : [kindPart, filePart]), Buffer.from(`--${BOUNDARY}--\r\n`)]);
  const response = await fetch(`${t.baseUrl}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/**
 * Uploads refused for what they are, or failing after the file was stored: a clear 400,
 * and nothing left behind in the upload folder.
 */
describe('hostile uploads', () => {
  let t: TestApp;
  let uploadsDir: string;
  const csv = csvFile(
    [
      ['組合コード', '発効日', '増減数'],
      ['U-1', '2025-04-01', 1],
    ],
    'utf8-bom',
  );

  beforeAll(async () => {
    uploadsDir = await mkdtemp(join(tmpdir(), 'rengo-hostile-uploads-'));
    t = await bootTestApp({ uploadsDir });
  });
  afterAll(async () => {
    await clearImportsQueue(t);
    await t.close();
    await rm(uploadsDir, { recursive: true, force: true });
  });

  it.each([
    ['a NUL', '4月\u0000.csv'],
    ['another control character', '4月\u0007分.csv'],
    ['DEL', 'changes\u007f.csv'],
  ])('refuses a file name holding %s with 400 naming file, and keeps no file', async (_, fileName) => {
    const answer = await uploadNamed(t, fileName, csv);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'file', message: 'the file name must not contain control characters' }] });
    expect(await readdir(uploadsDir)).toEqual([]);
    expect(await t.db.query(`SELECT id FROM imports`)).toEqual([]);
  });

  it('removes the stored file when recording the import fails after it was stored', async () => {
    await t.db.query(`ALTER TABLE imports ADD CONSTRAINT test_refused_name CHECK (file_name <> 'refused-by-the-database.csv')`);
    try {
      const answer = await uploadNamed(t, 'refused-by-the-database.csv', csv);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('INVALID_VALUE');
      expect(await readdir(uploadsDir)).toEqual([]);
    } finally {
      await t.db.query(`ALTER TABLE imports DROP CONSTRAINT test_refused_name`);
    }
  });

  it('removes the stored file when the kind after it is refused', async () => {
    const answer = await uploadNamed(t, 'changes.csv', csv, 'members', true);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    expect(await readdir(uploadsDir)).toEqual([]);
  });

  it('keeps the file of an upload it accepts, a Japanese name and all', async () => {
    const answer = await upload(t, t.adminToken, 'membership-changes', csv, '4月分 (本社).csv');
    expect(answer.status).toBe(202);
    expect(await readdir(uploadsDir)).toContain(answer.body.id);
    const [row] = await t.db.query(`SELECT file_name FROM imports WHERE id = $1`, [answer.body.id]);
    expect(row.file_name).toBe('4月分 (本社).csv');
  });
});
