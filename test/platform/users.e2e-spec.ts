import type { Role } from '../../src/platform/common/auth/roles';
import { makeCouncil, makeFederation, makeUser } from '../support/factories';
import { CallWithBody, TestApp, bootTestApp } from '../support/test-app';

describe('/users', () => {
  let t: TestApp;
  let council: string;
  let federation: string;
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  const noPassword = (body: unknown): void => expect(JSON.stringify(body)).not.toMatch(/password|argon2/i);
  const fields = (body: { details?: { field: string }[] }): string[] => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await bootTestApp();
    council = await makeCouncil(t);
    federation = await makeFederation(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a user who can sign in; no answer ever carries the password', async () => {
    const body = { email: 'yamada@kanagawa.test', password: 'long-enough-1', displayName: '山田 花子', role: 'regional', regionalCouncilId: council };
    const created = await admin('POST', '/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: body.email,
      displayName: '山田 花子',
      role: 'regional',
      regionalCouncilId: council,
      federationId: null,
      version: 1,
    });
    noPassword(created.body);
    const id = created.body.id;
    noPassword((await admin('GET', `/users/${id}`)).body);
    noPassword((await admin('GET', '/users')).body);

    const login = await t.request('POST', '/auth/login', { body: { email: body.email, password: body.password } });
    expect(login.status).toBe(200);
    noPassword(login.body.user);

    const changed = await admin('PATCH', `/users/${id}`, { password: 'another-secret-2', version: 1 });
    expect(changed.body).toMatchObject({ version: 2 });
    noPassword(changed.body);
    expect((await t.request('POST', '/auth/login', { body: { email: body.email, password: body.password } })).status).toBe(401);
    expect((await t.request('POST', '/auth/login', { body: { email: body.email, password: 'another-secret-2' } })).status).toBe(200);
  });

  it('lists with filters, limit, offset and total', async () => {
    for (const name of ['相原', '井上', '上田']) await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: name });
    await makeUser(t, 'federation', { federationId: federation });

    const first = await admin('GET', '/users?role=organizer&limit=2&offset=0');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.body.items).toHaveLength(2);
    const rest = await admin('GET', '/users?role=organizer&limit=2&offset=2');
    expect(rest.body.items).toHaveLength(1);
    expect((await admin('GET', `/users?federationId=${federation}`)).body).toMatchObject({ total: 1, items: [{ role: 'federation' }] });
    expect((await admin('GET', `/users?regionalCouncilId=${council}&q=${encodeURIComponent('井上')}`)).body).toMatchObject({
      total: 1,
      items: [{ displayName: '井上' }],
    });
    expect((await admin('GET', '/users?role=chief')).status).toBe(400);
  });

  it('names the field when role and scope do not fit or a reference is unknown', async () => {
    const base = { password: 'long-enough-1', displayName: 'X' };
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'regional' }, 'regionalCouncilId'],
      [{ role: 'organizer', regionalCouncilId: council, federationId: federation }, 'federationId'],
      [{ role: 'federation' }, 'federationId'],
      [{ role: 'admin', regionalCouncilId: council }, 'regionalCouncilId'],
      [{ role: 'leadership', federationId: federation }, 'federationId'],
      [{ role: 'regional', regionalCouncilId: '00000000-0000-4000-8000-000000000000' }, 'regionalCouncilId'],
      [{ role: 'federation', federationId: '00000000-0000-4000-8000-000000000000' }, 'federationId'],
      [{ role: 'chief' }, 'role'],
      [{ role: 'admin', password: 'short' }, 'password'],
      [{ role: 'admin', colour: 'red' }, 'colour'],
    ];
    for (const [extra, field] of cases) {
      const res = await admin('POST', '/users', { ...base, email: `case-${field}@kanagawa.test`, ...extra });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual([field]);
    }
    expect((await admin('GET', '/users?q=case-')).body.total).toBe(0);

    const user = await makeUser(t, 'regional', { regionalCouncilId: council });
    const roleOnly = await admin('PATCH', `/users/${user.id}`, { role: 'federation' });
    expect(fields(roleOnly.body)).toEqual(['regionalCouncilId']);
    const emailChange = await admin('PATCH', `/users/${user.id}`, { email: 'new@kanagawa.test' });
    expect(fields(emailChange.body)).toEqual(['email']);
    const nullRole = await admin('PATCH', `/users/${user.id}`, { role: null });
    expect(fields(nullRole.body)).toEqual(['role']);
    expect((await admin('GET', `/users/${user.id}`)).body).toMatchObject({ role: 'regional', regionalCouncilId: council, version: 1 });
  });

  it('moves a user to another role with its scope, refusing a stale version', async () => {
    const user = await makeUser(t, 'regional', { regionalCouncilId: council });
    const moved = await admin('PATCH', `/users/${user.id}`, { role: 'federation', regionalCouncilId: null, federationId: federation, version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'federation', regionalCouncilId: null, federationId: federation, version: 2 });
    const stale = await admin('PATCH', `/users/${user.id}`, { displayName: '古い', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin('GET', `/users/${user.id}`)).body).toMatchObject({ displayName: 'regional user', version: 2 });
    const me = await t.request('GET', '/me', { token: user.token });
    expect(me.body).toMatchObject({ role: 'federation', federationId: federation });
  });

  it('resets a password: every session of the user ends, bearer and cookie alike, and the new password signs in', async () => {
    const user = await makeUser(t, 'regional', { regionalCouncilId: council });
    const session = await t.request('POST', '/auth/session', { body: { email: user.email, password: user.password } });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await t.request('GET', '/me', { headers: { cookie } })).status).toBe(200);

    const reset = await admin('POST', `/users/${user.id}/password`, { password: 'brand-new-secret-3' });
    expect(reset.status).toBe(204);
    expect((await t.request('GET', '/me', { token: user.token })).status).toBe(401);
    expect((await t.request('GET', '/me', { headers: { cookie } })).status).toBe(401);
    expect((await t.request('POST', '/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(401);
    const fresh = await t.login(user.email, 'brand-new-secret-3');
    expect((await t.request('GET', '/me', { token: fresh })).body).toMatchObject({ id: user.id });
    expect((await admin('GET', `/users/${user.id}`)).body).toMatchObject({ version: 2 });
    // other users' sessions are untouched
    expect((await admin('GET', '/users?limit=1')).status).toBe(200);

    const short = await admin('POST', `/users/${user.id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(fields(short.body)).toEqual(['password']);
    expect(fields((await admin('POST', `/users/${user.id}/password`, { password: 'long-enough-9', role: 'admin' })).body)).toEqual(['role']);
    expect((await admin('POST', '/users/00000000-0000-4000-8000-000000000000/password', { password: 'long-enough-9' })).status).toBe(404);
    expect((await t.request('GET', '/me', { token: fresh })).status).toBe(200);
  });

  it('answers 409 naming email for a duplicate address, in any case', async () => {
    const body = { email: 'Dup@Kanagawa.test', password: 'long-enough-1', displayName: 'A', role: 'leadership' };
    expect((await admin('POST', '/users', body)).status).toBe(201);
    const dup = await admin('POST', '/users', { ...body, email: 'dup@kanagawa.TEST', displayName: 'B' });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toEqual([{ field: 'email', code: 'DUPLICATE', message: 'is already in use' }]);
    expect((await admin('GET', '/users?q=dup@')).body.total).toBe(1);
  });

  it('deletes users, but not the caller, and the caller keeps the admin role', async () => {
    const user = await makeUser(t, 'leadership');
    expect((await admin('DELETE', `/users/${user.id}`)).status).toBe(204);
    expect((await admin('GET', `/users/${user.id}`)).status).toBe(404);
    expect((await t.request('GET', '/me', { token: user.token })).status).toBe(401);

    const me = (await admin('GET', '/users?role=admin')).body.items[0];
    expect((await admin('DELETE', `/users/${me.id}`)).status).toBe(409);
    const demote = await admin('PATCH', `/users/${me.id}`, { role: 'leadership' });
    expect(demote.status).toBe(409);
    expect((await admin('GET', `/users/${me.id}`)).body.role).toBe('admin');
    expect((await admin('GET', '/users/not-a-uuid')).status).toBe(400);
  });

  it.each(['leadership', 'regional', 'federation', 'organizer'] as Role[])('refuses every /users call by %s with 403', async (role) => {
    const scope = role === 'federation' ? { federationId: federation } : role === 'leadership' ? {} : { regionalCouncilId: council };
    const user = await makeUser(t, role, scope);
    const call: CallWithBody = (method, path, body) => t.request(method, path, { token: user.token, body });
    expect((await call('GET', '/users')).status).toBe(403);
    expect((await call('GET', `/users/${user.id}`)).status).toBe(403);
    const created = await call('POST', '/users', { email: `by-${role}@kanagawa.test`, password: 'long-enough-1', displayName: 'X', role: 'admin' });
    expect(created.status).toBe(403);
    expect((await call('PATCH', `/users/${user.id}`, { role: 'admin', regionalCouncilId: null, federationId: null })).status).toBe(403);
    expect((await call('DELETE', `/users/${user.id}`)).status).toBe(403);
    expect((await call('POST', `/users/${user.id}/password`, { password: 'chosen-by-me-1' })).status).toBe(403);
    expect((await admin('GET', `/users/${user.id}`)).body.role).toBe(role);
    expect((await admin('GET', `/users?q=by-${role}`)).body.total).toBe(0);
  });

  it('answers 401 without a token', async () => {
    expect((await t.request('GET', '/users')).status).toBe(401);
    expect((await t.request('POST', '/users', { body: {} })).status).toBe(401);
  });
});
