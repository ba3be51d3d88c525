import { request as httpRequest } from 'node:http';
import { makeCouncil } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

const KB = 1024;
const MB = 1024 * KB;

interface Sent {
  status: number;
  body: any;
  /** Bytes of the body written before the answer came. */
  written: number;
}

/**
 * Sends `bytes` of a JSON body to `path` in 64 KB pieces, with a Content-Length (or chunked),
 * and answers as soon as the API does: a body refused before it is read is answered with
 * most of it never sent.
 */
function send(t: TestApp, path: string, bytes: number, options: { token?: string; chunked?: boolean; fill?: string } = {}): Promise<Sent> {
  const piece = Buffer.alloc(64 * KB, options.fill ?? ' ');
  const headers: Record<string, string | number> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (!options.chunked) headers['content-length'] = bytes;
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${t.baseUrl}/api/v1${path}`, { method: 'POST', headers });
    let written = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, written });
        request.destroy();
      });
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const write = async (): Promise<void> => {
      while (written < bytes && !answered) {
        const part = piece.subarray(0, Math.min(piece.length, bytes - written));
        written += part.length;
        if (!request.write(part)) await new Promise((r) => request.once('drain', r));
        // let an early answer arrive between pieces
        await new Promise((r) => setImmediate(r));
      }
      if (!answered) request.end();
    };
    void write().catch(() => undefined);
  });
}

const tooLarge = expect.objectContaining({ statusCode: 413, error: 'Payload Too Large', code: 'BODY_TOO_LARGE', message: expect.any(String) });

/**
 * Bodies no legitimate client sends: what a stranger may make the API read is small, a
 * signed-in caller's is bounded by the route, and a body that is not an object, or holds
 * NUL characters, is one clear 400.
 */
describe('hostile bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('size', () => {
    it('refuses a 10 MB sign-in body with 413 before reading it', async () => {
      const answer = await send(t, '/auth/login', 10 * MB);
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual(tooLarge);
      expect(answer.body.message).toContain('16 KB');
      expect(answer.written).toBeLessThan(2 * MB);
    });

    it('refuses a sign-in body over 16 KB sent without a length (chunked) with 413, and takes one under it', async () => {
      expect(await send(t, '/auth/login', 17 * KB, { chunked: true })).toMatchObject({ status: 413, body: tooLarge });
      const padded = JSON.stringify({ email: 'nobody@test.rengo', password: 'x'.repeat(15 * KB) });
      expect((await t.request('POST', '/auth/login', { body: padded })).status).not.toBe(413);
    });

    it('holds a request without a valid token to 16 KB on any route, before reading the body', async () => {
      for (const token of [undefined, 'not-a-token']) {
        const answer = await send(t, '/membership-changes/bulk', 10 * MB, { token });
        expect(answer).toMatchObject({ status: 413, body: tooLarge });
        expect(answer.body.message).toContain('sign in');
        expect(answer.written).toBeLessThan(2 * MB);
        expect(await send(t, '/unions', 100 * KB, { token, chunked: true })).toMatchObject({ status: 413, body: tooLarge });
      }
      // a small body still reaches the guard
      expect((await t.request('POST', '/unions', { body: {} })).status).toBe(401);
    });

    it('takes 1 MB on a signed-in route, and 16 MB on the bulk route only', async () => {
      const token = t.adminToken;
      const ordinary = await send(t, '/sectors', 2 * MB, { token });
      expect(ordinary).toMatchObject({ status: 413, body: tooLarge });
      expect(ordinary.body.message).toContain('1 MB');
      // Fastify's own check, for a body of unknown length
      expect(await send(t, '/sectors', 2 * MB, { token, chunked: true })).toMatchObject({ status: 413, body: tooLarge });
      // under the limit: read, then refused for what it is (blank, not an object)
      expect((await send(t, '/sectors', 900 * KB, { token })).status).toBe(400);
      expect((await send(t, '/membership-changes/bulk', 2 * MB, { token })).status).toBe(400);
      expect(await send(t, '/membership-changes/bulk', 17 * MB, { token })).toMatchObject({ status: 413, body: tooLarge });
    });
  });

  describe('shape', () => {
    it('refuses a body that is not an object with one detail', async () => {
      const array = `[${Array.from({ length: 5000 }, () => '{}').join(',')}]`;
      for (const body of [array, '"admin@test.rengo"', '42', 'true']) {
        const answer = await t.request('POST', '/auth/login', { body });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'body', message: 'must be a JSON object' }] });
      }
      // no body at all is an empty one, as before: its fields are missing
      const empty = await t.request('POST', '/auth/login', { body: '' });
      expect(empty.status).toBe(400);
      expect(empty.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['email', 'password']));
    });

    it('refuses a body nested deeper than any form with 400, not a stack overflow', async () => {
      const depth = 2600;
      const nested = await t.request('POST', '/auth/login', { body: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) });
      expect(nested.status).toBe(400);
      expect(nested.body).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'a' + '.a'.repeat(31), message: 'is nested more than 32 levels deep' }] });
      const arrays = await t.request('POST', '/sectors', { token: t.adminToken, body: `{"code":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
      expect(arrays.status).toBe(400);
    });

    it('lists at most 100 problems and counts the rest', async () => {
      const body = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`unknown${i}`, i]));
      const answer = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'hostile', name: '部門', ...body } });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toHaveLength(101);
      expect(answer.body.details[0]).toEqual({ field: 'unknown0', code: 'UNKNOWN_FIELD', message: 'is not a known field' });
      expect(answer.body.details[100]).toEqual({ field: '*', code: 'MORE_PROBLEMS', message: '150 more problems not listed' });
      expect(answer.body.message).toMatch(/^Invalid input: unknown0 is not a known field; .*\(and 245 more\)$/);
    });
  });

  describe('NUL characters', () => {
    const nul = { statusCode: 400, code: 'INVALID_FIELD' };

    it('refuses NUL in a string of a body with 400 naming the field', async () => {
      const council = await makeCouncil(t);
      const answer = await t.request('POST', '/unions', {
        token: t.adminToken,
        body: { name: 'a\u0000b労組', regionalCouncilId: council, employerName: '株式会社X' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ...nul, details: [{ field: 'name', message: 'must not contain the NUL character (U+0000)' }] });
      const item = { unionId: '0192f3a4-5b6c-7d8e-9f00-112233445566', effectiveOn: '2025-04-01', delta: 1, cause: 'new_hire', employmentType: 'regular' };
      const bulk = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items: [item, { ...item, note: '\u0000' }] } });
      expect(bulk.status).toBe(400);
      expect(bulk.body).toMatchObject({ ...nul, details: [{ field: 'items[1].note' }] });
    });

    it('refuses NUL in a query string with 400 naming the parameter', async () => {
      const answer = await t.request('GET', '/unions?q=a%00b', { token: t.adminToken });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ...nul, details: [{ field: 'q' }] });
      // the same search without it is answered
      expect((await t.request('GET', '/unions?q=ab', { token: t.adminToken })).status).toBe(200);
    });
  });
});
