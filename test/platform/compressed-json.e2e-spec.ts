import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { TestApp, bootTestApp } from '../support/test-app';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose answer is read as sent: no client that decompresses on its own. */
function rawGet(t: TestApp, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${t.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${t.adminToken}`, ...headers } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
    });
    call.on('error', reject);
    call.end();
  });
}

/** JSON answers of a KB or more are gzip-compressed for clients that take it (src/platform/common/http/compressed-json.ts). */
describe('compressed JSON answers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends the labels gzip-compressed to a client that accepts it, the same JSON as uncompressed', async () => {
    const plain = await rawGet(t, '/labels', { 'accept-encoding': 'identity' });
    const packed = await rawGet(t, '/labels', { 'accept-encoding': 'gzip, deflate, br' });
    expect([plain.status, packed.status]).toEqual([200, 200]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(packed.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(packed.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('leaves small answers (a 404), refused encodings and other types (CSV) as they are', async () => {
    const small = await rawGet(t, '/auth/session-check-that-does-not-exist', { 'accept-encoding': 'gzip' });
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ statusCode: 404 });
    const refused = await rawGet(t, '/labels', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toHaveProperty('roles');
    const csv = await rawGet(t, '/follow-ups?format=csv', { 'accept-encoding': 'gzip' });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(csv.headers['content-encoding']).toBeUndefined();
  });
});
