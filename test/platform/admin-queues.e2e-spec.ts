import { makeCouncil, makeFederation, makeUser, TestUser } from '../support/factories';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('Bull Board at /admin/queues (admins only)', () => {
  let t: TestApp;
  let officer: TestUser;
  let leadership: TestUser;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}/api/v1/admin/queues${path}`, { headers, redirect: 'manual' });
  const sessionCookie = async (token: string): Promise<{ status: number; cookie: string | null }> => {
    const answer = await t.request('POST', '/admin/queues/session', { token });
    return { status: answer.status, cookie: answer.headers.get('set-cookie') };
  };

  beforeAll(async () => {
    t = await bootTestApp();
    officer = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
    leadership = await makeUser(t, 'leadership');
    await makeCouncil(t);
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('shows the board and its API to an admin with a bearer token', async () => {
    const page = await get('', { authorization: `Bearer ${t.adminToken}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await get('/api/queues', { authorization: `Bearer ${t.adminToken}` });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['aggregation']);
  });

  it('opens a browser session for an admin with an HttpOnly cookie scoped to the board', async () => {
    const { status, cookie } = await sessionCookie(t.adminToken);
    expect(status).toBe(204);
    expect(cookie).toMatch(/^access_token=[^;]+; Path=\/api\/v1\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=\d+/);
    const pair = (cookie as string).split(';')[0];
    expect((await get('', { cookie: pair })).status).toBe(200);
    expect((await get('/api/queues', { cookie: `theme=dark; ${pair}` })).status).toBe(200);
    const closed = await t.request('DELETE', '/admin/queues/session');
    expect(closed.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('opens from the console: an admin signed in to the console needs nothing more than the session cookie', async () => {
    const consoleSession = async (email: string, password: string): Promise<string> => {
      const answer = await t.request('POST', '/auth/session', { body: { email, password } });
      const cookies = answer.headers.getSetCookie().map((c) => c.split(';')[0]);
      return cookies.find((c) => c.startsWith('rengo_session=')) as string;
    };
    const adminCookie = await consoleSession(ADMIN.email, ADMIN.password);
    const page = await get('', { cookie: adminCookie, accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await get('/api/queues', { cookie: adminCookie })).status).toBe(200);

    // the board's own buttons (PUT) need this site's origin, since they cannot send the CSRF header
    const put = (headers: Record<string, string>) =>
      fetch(`${t.baseUrl}/api/v1/admin/queues/api/queues/aggregation/retry/failed`, { method: 'PUT', headers: { cookie: adminCookie, ...headers } });
    expect((await put({})).status).toBe(403);
    expect((await put({ origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await put({ origin: t.baseUrl })).status).toBe(200);

    // a non-admin's console session is refused, and so is a signed-out one
    const officerCookie = await consoleSession(officer.email, officer.password);
    expect((await get('', { cookie: officerCookie })).status).toBe(403);
    const csrf = (await t.request('POST', '/auth/session', { body: { email: ADMIN.email, password: ADMIN.password } })).headers.getSetCookie();
    const [session, token] = ['rengo_session=', 'rengo_csrf='].map((name) => csrf.map((c) => c.split(';')[0]).find((c) => c.startsWith(name)) as string);
    expect((await get('/api/queues', { cookie: session })).status).toBe(200);
    const logout = await t.request('POST', '/auth/logout', { headers: { cookie: `${session}; ${token}`, 'x-csrf-token': token.split('=')[1] } });
    expect(logout.status).toBe(204);
    expect((await get('/api/queues', { cookie: session })).status).toBe(401);
  });

  it('refuses non-admins (403) whether by header or by cookie, and no session for them', async () => {
    for (const user of [officer, leadership]) {
      expect((await get('', { authorization: `Bearer ${user.token}` })).status).toBe(403);
      expect((await get('/api/queues', { authorization: `Bearer ${user.token}` })).status).toBe(403);
      expect((await get('', { cookie: `access_token=${user.token}` })).status).toBe(403);
      expect((await sessionCookie(user.token)).status).toBe(403);
    }
  });

  it('refuses anonymous callers and bad tokens (401), sending a browser to the sign-in page', async () => {
    const anonymous = await get('/api/queues');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect((await get('', { cookie: 'access_token=not-a-token' })).status).toBe(401);
    expect((await get('', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const browser = await get('', { accept: 'text/html' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/api/v1/admin/queues/login');
    const signIn = await get('/login', { accept: 'text/html' });
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('/api/v1/admin/queues/session');
    expect((await t.request('POST', '/admin/queues/session')).status).toBe(401);
  });
});
