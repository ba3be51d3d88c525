import { makeCouncil, makeFederation, makeUser } from '../support/factories';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';

/**
 * The audit trail: sign-ins, account changes and downloads each leave one event with who,
 * what, where from and the fields before and after, written with the change (a refused
 * change leaves no "ok" event); the table refuses to be changed; admins list and export it,
 * and a user's page reads its history.
 */
describe('audit events', () => {
  let t: TestApp;
  let adminId: string;
  const eventsOf = async (action: string, targetId?: string): Promise<any[]> =>
    t.db.query(`SELECT * FROM audit_events WHERE action = $1 AND ($2::text IS NULL OR target_id = $2) ORDER BY occurred_at`, [action, targetId ?? null]);

  beforeAll(async () => {
    t = await bootTestApp();
    adminId = (await t.request('GET', '/me', { token: t.adminToken })).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a sign-in, a failed one (the address tried) and a sign-out, with ip and request id', async () => {
    const user = await makeUser(t, 'leadership');
    const wrong = await t.request('POST', '/auth/login', { body: { email: user.email, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    const [failed] = await eventsOf('session.sign_in_failed', user.id);
    expect(failed).toMatchObject({ outcome: 'denied', actor_email: user.email, ip: '127.0.0.1' });
    const unknown = await t.request('POST', '/auth/login', { body: { email: 'nobody@test.rengo', password: 'whatever-pw' } });
    expect(unknown.status).toBe(401);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'session.sign_in_failed' AND actor_email = 'nobody@test.rengo'`))[0].n,
    ).toBe(1);

    const signedIn = await eventsOf('session.signed_in', user.id);
    expect(signedIn).toHaveLength(1); // makeUser signed in once
    expect(signedIn[0]).toMatchObject({ actor_id: user.id, actor_role: 'leadership', outcome: 'ok' });
    expect(signedIn[0].request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.request('POST', '/auth/logout', { token: user.token })).status).toBe(204);
    expect(await eventsOf('session.signed_out', user.id)).toHaveLength(1);
    expect(JSON.stringify(await t.db.query(`SELECT * FROM audit_events`))).not.toMatch(/not-the-password|whatever-pw|\$argon2/);
  });

  it('records a scope change as a role change with the fields before and after, and a password reset without the password', async () => {
    const council = await makeCouncil(t);
    const federation = await makeFederation(t);
    const officer = await makeUser(t, 'federation', { federationId: federation });
    const moved = await t.request('PATCH', `/users/${officer.id}`, {
      token: t.adminToken,
      body: { role: 'regional', federationId: null, regionalCouncilId: council },
    });
    expect(moved.status).toBe(200);
    const [event] = await eventsOf('user.role_changed', officer.id);
    expect(event).toMatchObject({
      actor_id: adminId,
      actor_email: ADMIN.email,
      actor_role: 'admin',
      target_type: 'user',
      outcome: 'ok',
      scope_regional_council_id: council,
    });
    expect(event.changes).toEqual({ role: ['federation', 'regional'], federationId: [federation, null], regionalCouncilId: [null, council] });

    const reset = await t.request('POST', `/users/${officer.id}/password`, { token: t.adminToken, body: { password: 'a-new-secret-pw-9' } });
    expect(reset.status).toBe(204);
    const [resetEvent] = await eventsOf('user.password_reset', officer.id);
    expect(resetEvent.changes).toEqual({});
    expect(JSON.stringify(resetEvent)).not.toMatch(/a-new-secret-pw-9|argon2/);
  });

  it('leaves no event for a change that was refused (a stale version)', async () => {
    const user = await makeUser(t, 'leadership');
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action LIKE 'user.%'`, [user.id]))[0].n;
    const stale = await t.request('PATCH', `/users/${user.id}`, { token: t.adminToken, body: { displayName: '新しい名前', version: 99 } });
    expect(stale.status).toBe(409);
    const after = (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action LIKE 'user.%'`, [user.id]))[0].n;
    expect(after).toBe(before);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(t.db.query(`UPDATE audit_events SET actor_email = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('lists events for admins with filters and cursor pages that neither skip nor repeat, and refuses others', async () => {
    const user = await makeUser(t, 'leadership');
    for (let i = 0; i < 5; i++) await t.request('PATCH', `/users/${user.id}`, { token: t.adminToken, body: { displayName: `名前${i}` } });
    const seen: string[] = [];
    let cursor: string | null | undefined = null;
    do {
      const query: `/audit-events?${string}` = `/audit-events?targetType=user&targetId=${user.id}&action=user.updated&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await t.request('GET', query, { token: t.adminToken });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((e: { id: string }) => e.id));
      cursor = answer.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const first = (await t.request('GET', `/audit-events?actorId=${adminId}&action=user.updated&limit=1`, { token: t.adminToken })).body.items[0];
    expect(first).toMatchObject({
      action: 'user.updated',
      actor: { id: adminId, email: ADMIN.email, role: 'admin' },
      targetType: 'user',
      targetId: user.id,
      outcome: 'ok',
    });
    expect(first.changes.displayName).toEqual(['名前3', '名前4']);
    expect((await t.request('GET', '/audit-events', { token: user.token })).status).toBe(403);
    expect((await t.request('GET', '/audit-events?cursor=nonsense', { token: t.adminToken })).status).toBe(400);
    const history = await t.request('GET', `/users/${user.id}/audit?limit=3`, { token: t.adminToken });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['user.updated', 'user.updated', 'user.updated']);
    expect(history.body.nextCursor).not.toBeNull();
  });

  it('records a download with its filters, format and row count, and the export of the log itself', async () => {
    const file = await t.request('GET', '/users?role=admin&format=csv', { token: t.adminToken });
    expect(file.status).toBe(200);
    const [download] = await t.db.query(`SELECT * FROM audit_events WHERE action = 'export.downloaded' AND details->>'route' = '/users'`);
    expect(download).toMatchObject({ actor_id: adminId, outcome: 'ok' });
    expect(download.details).toEqual({ route: '/users', file: 'users', fileName: 'ユーザー一覧', format: 'csv', filters: { role: 'admin' }, rows: 1 });
    const log = await t.request('GET', '/audit-events?format=xlsx', { token: t.adminToken });
    expect(log.status).toBe(200);
    const [logDownload] = await t.db.query(`SELECT * FROM audit_events WHERE action = 'export.downloaded' AND details->>'route' = '/audit-events'`);
    expect(logDownload.details.format).toBe('xlsx');
    expect(logDownload.details.rows).toBeGreaterThan(5);
  });
});
