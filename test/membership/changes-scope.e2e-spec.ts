import { TestUser, makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('membership changes: scope by role', () => {
  let t: TestApp;
  let unionFA: string; // federation F, council A
  let unionGA: string; // federation G, council A
  let unionGB: string; // federation G, council B
  let users: Record<'federationF' | 'regionalA' | 'leadership' | 'organizerA', TestUser>;
  const ids: Record<string, string> = {};
  const change = (unionId: string): Record<string, unknown> => ({ unionId, effectiveOn: '2026-04-01', delta: 2, cause: 'new_hire', employmentType: 'regular' });
  const listed = async (token: string, query = ''): Promise<string[]> =>
    ((await t.request('GET', `/membership-changes?limit=500${query}`, { token })).body.items as { unionId: string }[]).map((i) => i.unionId).sort();

  beforeAll(async () => {
    t = await bootTestApp();
    const [councilA, councilB] = [await makeCouncil(t), await makeCouncil(t)];
    const [federationF, federationG] = [await makeFederation(t), await makeFederation(t)];
    unionFA = await makeUnion(t, { regionalCouncilId: councilA, federationId: federationF });
    unionGA = await makeUnion(t, { regionalCouncilId: councilA, federationId: federationG });
    unionGB = await makeUnion(t, { regionalCouncilId: councilB, federationId: federationG });
    users = {
      federationF: await makeUser(t, 'federation', { federationId: federationF }),
      regionalA: await makeUser(t, 'regional', { regionalCouncilId: councilA }),
      leadership: await makeUser(t, 'leadership'),
      organizerA: await makeUser(t, 'organizer', { regionalCouncilId: councilA }),
    };
    for (const [name, unionId] of Object.entries({ FA: unionFA, GA: unionGA, GB: unionGB })) {
      ids[name] = (await t.request('POST', '/membership-changes', { token: t.adminToken, body: change(unionId) })).body.id;
    }
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('lets a federation user write for their own unions only', async () => {
    const own = await t.request('POST', '/membership-changes', { token: users.federationF.token, body: change(unionFA) });
    expect(own.status).toBe(201);
    expect(own.body.recordedBy).toBe(users.federationF.id);
    const foreign = await t.request('POST', '/membership-changes', { token: users.federationF.token, body: change(unionGB) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual([{ field: 'unionId', code: 'OUT_OF_SCOPE', message: 'is not a union you may record changes for' }]);
    const reverseForeign = await t.request('POST', `/membership-changes/${ids.GB}/reverse`, { token: users.federationF.token, body: { reason: 'x' } });
    expect(reverseForeign.status).toBe(404);
    const reverseOwn = await t.request('POST', `/membership-changes/${own.body.id}/reverse`, { token: users.federationF.token, body: { reason: 'x' } });
    expect(reverseOwn.status).toBe(201);
  });

  it('refuses writes by regional, leadership and organizer users (403) and anonymous callers (401)', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n;
    for (const user of [users.regionalA, users.leadership, users.organizerA]) {
      expect((await t.request('POST', '/membership-changes', { token: user.token, body: change(unionFA) })).status).toBe(403);
      expect((await t.request('POST', '/membership-changes/bulk', { token: user.token, body: { items: [change(unionFA)] } })).status).toBe(403);
      expect((await t.request('POST', `/membership-changes/${ids.FA}/reverse`, { token: user.token, body: { reason: 'x' } })).status).toBe(403);
    }
    expect((await t.request('POST', '/membership-changes', { body: change(unionFA) })).status).toBe(401);
    expect((await t.request('GET', '/membership-changes')).status).toBe(401);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n).toBe(before);
  });

  it('reads in scope: federation its unions, regional its council, leadership and admin everything', async () => {
    expect(new Set(await listed(users.federationF.token))).toEqual(new Set([unionFA]));
    expect(new Set(await listed(users.regionalA.token))).toEqual(new Set([unionFA, unionGA]));
    expect(new Set(await listed(users.leadership.token))).toEqual(new Set([unionFA, unionGA, unionGB]));
    expect(new Set(await listed(t.adminToken))).toEqual(new Set([unionFA, unionGA, unionGB]));
    // a filter cannot widen the scope
    expect(await listed(users.regionalA.token, `&unionId=${unionGB}`)).toEqual([]);
    expect((await t.request('GET', `/membership-changes/${ids.GB}`, { token: users.regionalA.token })).status).toBe(404);
    expect((await t.request('GET', `/membership-changes/${ids.GA}`, { token: users.regionalA.token })).status).toBe(200);
    expect((await t.request('GET', `/membership-changes/${ids.GA}`, { token: users.federationF.token })).status).toBe(404);
  });

  it('does not show membership changes to organizers', async () => {
    expect((await t.request('GET', '/membership-changes', { token: users.organizerA.token })).status).toBe(403);
  });
});
