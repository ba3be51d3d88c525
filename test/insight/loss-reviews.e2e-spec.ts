import { makeCouncil, makeFederation, makeUser, TestUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/loss-reviews', () => {
  let t: TestApp;
  let councilA: string;
  let councilB: string;
  const users: Record<string, TestUser> = {};
  const review = (regionalCouncilId: string, extra: object = {}) => ({
    regionalCouncilId,
    periodFrom: '2025-04',
    periodTo: '2026-03',
    causes: ['resignation', 'retirement'],
    findings: '若年層の自己都合退職が増加。定年退職は想定どおり。',
    countermeasures: '新入組合員向けの職場懇談会を四半期ごとに開催する。',
    ...extra,
  });

  beforeAll(async () => {
    t = await bootTestApp();
    councilA = await makeCouncil(t, { name: '横浜地域連合' });
    councilB = await makeCouncil(t, { name: '川崎地域連合' });
    users.regionalA = await makeUser(t, 'regional', { regionalCouncilId: councilA });
    users.regionalB = await makeUser(t, 'regional', { regionalCouncilId: councilB });
    users.leadership = await makeUser(t, 'leadership');
    users.organizerB = await makeUser(t, 'organizer', { regionalCouncilId: councilB });
    users.federation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets regional staff write their council’s reviews, with version', async () => {
    const created = await t.request('POST', '/loss-reviews', { token: users.regionalA.token, body: review(councilA) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...review(councilA),
      regionalCouncilName: '横浜地域連合',
      causeLabels: [
        { cause: 'resignation', label: '自己都合退職' },
        { cause: 'retirement', label: '定年退職' },
      ],
      version: 1,
      createdBy: users.regionalA.id,
    });
    const id = created.body.id;

    const updated = await t.request('PATCH', `/loss-reviews/${id}`, {
      token: users.regionalA.token,
      body: { countermeasures: '職場懇談会を毎月開催する。', version: 1 },
    });
    expect(updated.body).toMatchObject({ countermeasures: '職場懇談会を毎月開催する。', version: 2, periodFrom: '2025-04' });
    expect((await t.request('PATCH', `/loss-reviews/${id}`, { token: users.regionalA.token, body: { findings: 'x', version: 1 } })).status).toBe(409);
  });

  it('refuses other councils, other roles, and moving a review away (403)', async () => {
    expect((await t.request('POST', '/loss-reviews', { token: users.regionalB.token, body: review(councilA) })).status).toBe(403);
    for (const role of ['leadership', 'organizerB', 'federation']) {
      expect((await t.request('POST', '/loss-reviews', { token: users[role].token, body: review(councilB) })).status).toBe(403);
    }
    const id = (await t.request('POST', '/loss-reviews', { token: users.regionalA.token, body: review(councilA) })).body.id;
    expect((await t.request('PATCH', `/loss-reviews/${id}`, { token: users.regionalB.token, body: { findings: 'x' } })).status).toBe(403);
    expect((await t.request('PATCH', `/loss-reviews/${id}`, { token: users.regionalA.token, body: { regionalCouncilId: councilB } })).status).toBe(403);
    expect((await t.request('DELETE', `/loss-reviews/${id}`, { token: users.regionalB.token })).status).toBe(403);

    // admins write for any council
    const byAdmin = await t.request('POST', '/loss-reviews', { token: t.adminToken, body: review(councilB, { causes: ['contract_end'] }) });
    expect(byAdmin.status).toBe(201);
    expect((await t.request('DELETE', `/loss-reviews/${id}`, { token: t.adminToken })).status).toBe(204);
    expect((await t.request('GET', `/loss-reviews/${id}`, { token: t.adminToken })).status).toBe(404);
  });

  it('shares every review with every signed-in user, with filters', async () => {
    await t.request('POST', '/loss-reviews', { token: users.regionalB.token, body: review(councilB, { causes: ['restructuring'], periodTo: '2025-09' }) });
    for (const role of ['organizerB', 'federation', 'leadership']) {
      const all = await t.request('GET', '/loss-reviews?limit=50', { token: users[role].token });
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(3); // one of A, two of B
    }
    const councilAList = await t.request('GET', `/loss-reviews?regionalCouncilId=${councilA}`, { token: users.organizerB.token });
    expect(councilAList.body.items.map((r: any) => r.regionalCouncilName)).toEqual(['横浜地域連合']);
    const byCause = await t.request('GET', '/loss-reviews?cause=restructuring', { token: users.regionalA.token });
    expect(byCause.body).toMatchObject({ total: 1, items: [{ regionalCouncilId: councilB, periodTo: '2025-09' }] });
    const paged = await t.request('GET', '/loss-reviews?limit=1&offset=1', { token: users.regionalA.token });
    expect(paged.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('validates the period and the causes', async () => {
    const reversed = await t.request('POST', '/loss-reviews', { token: users.regionalA.token, body: review(councilA, { periodFrom: '2026-04' }) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details).toEqual([{ field: 'periodFrom', code: 'DATES_OUT_OF_ORDER', message: 'must not be after periodTo' }]);
    const month = await t.request('POST', '/loss-reviews', { token: users.regionalA.token, body: review(councilA, { periodTo: '2026-03-31' }) });
    expect(month.body.details).toEqual([{ field: 'periodTo', code: 'INVALID_FORMAT', message: 'periodTo must be a month YYYY-MM' }]);
    const cause = await t.request('POST', '/loss-reviews', { token: users.regionalA.token, body: review(councilA, { causes: ['new_hire'] }) });
    expect(cause.status).toBe(400);
    expect(cause.body.details[0].field).toBe('causes');
    expect((await t.request('GET', '/loss-reviews?cause=nope', { token: users.regionalA.token })).status).toBe(400);
  });
});
