import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';
import { makeUser } from '../support/factories';

/** The console's session: cookie sign-in, CSRF on unsafe methods, sign-out, and how the page is served. */
describe('console session and serving', () => {
  let t: TestApp;
  let consoleDir: string;

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><html lang="ja"><body><div id="root"></div></body></html>');
    writeFileSync(join(consoleDir, 'assets', 'main-AbC123.js'), 'console.log(1)');
    t = await bootTestApp({ consoleDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  /** Signs in through the console's route; answers the cookie header to send back and the CSRF token. */
  async function openSession(email = ADMIN.email, password = ADMIN.password): Promise<{ cookie: string; csrf: string; setCookie: string[] }> {
    const res = await t.request('POST', '/auth/session', { body: { email, password } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie();
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: res.body.csrfToken, setCookie };
  }

  it('signs in with an HttpOnly SameSite=Strict cookie and no token in the answer', async () => {
    const { cookie, csrf, setCookie } = await openSession();
    const session = setCookie.find((c) => c.startsWith('rengo_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/); // plain HTTP here; Secure behind HTTPS
    expect(setCookie.find((c) => c.startsWith('rengo_csrf='))).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/^[\w-]{20,}$/);
    const me = await t.request('GET', '/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(ADMIN.email);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const res = await t.request('POST', '/auth/session', { body: ADMIN, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('rengo_session='))).toMatch(/Secure/);
  });

  it('refuses a cookie-borne POST without the CSRF token (403) and takes it with the token', async () => {
    const { cookie, csrf } = await openSession();
    const body = { code: 'csrf1', name: '部門CSRF', nameEn: 'CSRF sector' };
    const without = await t.request('POST', '/sectors', { headers: { cookie }, body });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('CSRF_TOKEN_MISSING');
    const wrong = await t.request('POST', '/sectors', { headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -2)}xx` }, body });
    expect(wrong.status).toBe(403);
    const withToken = await t.request('POST', '/sectors', { headers: { cookie, 'x-csrf-token': csrf }, body });
    expect(withToken.status).toBe(201);
    // a bearer request needs none
    const bearer = await t.request('POST', '/sectors', { token: t.adminToken, body: { ...body, code: 'csrf2' } });
    expect(bearer.status).toBe(201);
  });

  it('ends the session on sign-out: the same cookie is then 401', async () => {
    const { cookie, csrf } = await openSession();
    expect((await t.request('POST', '/auth/logout', { headers: { cookie } })).status).toBe(403);
    const out = await t.request('POST', '/auth/logout', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => /^rengo_session=;/.test(c))).toBe(true);
    expect((await t.request('GET', '/me', { headers: { cookie } })).status).toBe(401);
  });

  it('ends a bearer session on sign-out too, and only that one', async () => {
    const first = await t.login(ADMIN.email, ADMIN.password);
    const second = await t.login(ADMIN.email, ADMIN.password);
    expect((await t.request('POST', '/auth/logout', { token: first })).status).toBe(204);
    expect((await t.request('GET', '/me', { token: first })).status).toBe(401);
    expect((await t.request('GET', '/me', { token: second })).status).toBe(200);
  });

  it('answers an unknown API path with JSON 404, and a console path with the page', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const api = await fetch(`${t.baseUrl}/api/v1/no-such-thing`, { headers: html });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    expect(await api.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    for (const path of ['/docs/nope', '/docs-json/x', '/admin/queues/x']) {
      expect((await fetch(`${t.baseUrl}${path}`, { headers: html })).status).toBe(404);
    }
    const page = await fetch(`${t.baseUrl}/dashboard`, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('lang="ja"');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    // a script asking for JSON gets no page
    expect((await fetch(`${t.baseUrl}/dashboard`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('serves hashed assets as immutable, and keeps the docs working', async () => {
    const asset = await fetch(`${t.baseUrl}/assets/main-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const docs = await fetch(`${t.baseUrl}/docs`, { headers: { accept: 'text/html' } });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    expect((await t.requestUntyped('GET', '/docs-json')).body.paths['/api/v1/auth/session']).toBeDefined();
  });

  it('lets a bodyless DELETE sent as JSON reach its route, authorization first', async () => {
    const [{ id }] = await t.db.query(`INSERT INTO sectors (code, name, name_en) VALUES ('del1', '削除部門', 'Delete me') RETURNING id`);
    const json = { 'content-type': 'application/json' };
    expect((await t.request('DELETE', `/sectors/${id}`, { headers: json })).status).toBe(401);
    const leader = await makeUser(t, 'leadership');
    expect((await t.request('DELETE', `/sectors/${id}`, { token: leader.token, headers: json })).status).toBe(403);
    expect((await t.request('DELETE', `/sectors/${id}`, { token: t.adminToken, headers: json })).status).toBe(204);
    // a malformed body is still a 400
    const bad = await fetch(`${t.baseUrl}/api/v1/sectors`, { method: 'POST', headers: { ...json, authorization: `Bearer ${t.adminToken}` }, body: '{"code":' });
    expect(bad.status).toBe(400);
  });
});
