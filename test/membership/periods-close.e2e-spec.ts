import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { Clock } from '../../src/platform/time/clock';
import { appendToLedger, LedgerEntry } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { DocumentedPath, TestApp, bootTestApp } from '../support/test-app';

/*
 * Today is 2026-06-15. U1 (federation X, council A), U2 (federation Y, council B).
 * Before the close:  2026-01 U1 +100;  2026-02 U2 +50, U2 -5 retirement.
 * 2026-02 is closed: published total net 45, members 145 (A 100, B 45).
 * Late changes after it: 2026-02 U1 -3 resignation; 2026-01 U2 +7 (an earlier month).
 * Live now: 2026-01 net 107, members 107; 2026-02 net 42, members 149 (A 97, B 52).
 */
describe('/periods: month close and published figures', () => {
  let t: TestApp;
  let leader: TestUser;
  const ids: Record<string, string> = {};
  const get = async <P extends DocumentedPath<'GET'>>(path: P) => {
    const answer = await t.request('GET', path, { token: leader.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  /** Writes ledger rows and their outbox entries like an API write; the worker has not run yet. */
  const write = async (entries: Omit<LedgerEntry, 'employmentType'>[]) => {
    await t.db.transaction((manager) =>
      appendToLedger(
        manager,
        entries.map((e) => ({ ...e, employmentType: 'regular', gender: 'female' })),
        'api',
        null,
      ),
    );
  };
  const record = async (entries: Omit<LedgerEntry, 'employmentType'>[]) => {
    await write(entries);
    await t.app.get(AggregationService).drain();
  };

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    ids.A = await makeCouncil(t);
    ids.B = await makeCouncil(t);
    ids.X = await makeFederation(t);
    ids.Y = await makeFederation(t);
    ids.U1 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.X, name: 'U1労組' });
    ids.U2 = await makeUnion(t, { regionalCouncilId: ids.B, federationId: ids.Y, name: 'U2労組' });
    leader = await makeUser(t, 'leadership', { displayName: '執行部 花子' });
    await record([
      { unionId: ids.U1, effectiveOn: '2026-01-10', delta: 100, cause: 'new_hire' },
      { unionId: ids.U2, effectiveOn: '2026-02-10', delta: 50, cause: 'new_organizing' },
      { unionId: ids.U2, effectiveOn: '2026-02-20', delta: -5, cause: 'retirement' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('closes a month once, stamped with who and when, for leadership and admins only', async () => {
    const regional = await makeUser(t, 'regional', { regionalCouncilId: ids.A });
    expect((await t.request('POST', '/periods/2026-02/close', { token: regional.token })).status).toBe(403);

    const closed = await t.request('POST', '/periods/2026-02/close', { token: leader.token });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ month: '2026-02', closedBy: leader.id, closedByName: '執行部 花子' });
    expect(closed.body.asOf).toEqual(expect.any(String));
    expect(closed.body.closedAt).toEqual(expect.any(String));

    const twice = await t.request('POST', '/periods/2026-02/close', { token: t.adminToken });
    expect(twice.status).toBe(409);
    expect(twice.body.details).toEqual([{ field: 'month', code: 'PERIOD_ALREADY_CLOSED', message: 'is already closed' }]);

    const bad = await t.request('POST', '/periods/2026-13/close', { token: leader.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'month', code: 'INVALID_FORMAT', message: 'must be a month YYYY-MM' }]);
    const current = await t.request('POST', '/periods/2026-06/close', { token: leader.token });
    expect(current.status).toBe(400);
    expect(current.body.details).toEqual([{ field: 'month', code: 'MONTH_NOT_ENDED', message: 'has not ended yet' }]);

    const list = await t.request('GET', '/periods', { token: regional.token });
    expect(list.body).toMatchObject({ total: 1, items: [{ month: '2026-02', closedByName: '執行部 花子' }] });
  });

  it('accepts late changes for a closed month and shows the published figure beside the live one', async () => {
    await record([
      { unionId: ids.U1, effectiveOn: '2026-02-25', delta: -3, cause: 'resignation' },
      { unionId: ids.U2, effectiveOn: '2026-01-05', delta: 7, cause: 'new_hire' },
    ]);
    const total = await get('/reports/growth?from=2026-01&to=2026-03');
    expect(total.closedMonths).toEqual(['2026-02']);
    expect(total.groups[0].months).toEqual([
      { month: '2026-01', increase: 107, decrease: 0, adjustment: 0, net: 107, members: 107 },
      { month: '2026-02', increase: 50, decrease: 8, adjustment: 0, net: 42, members: 149, publishedMembers: 145, publishedNet: 45 },
      { month: '2026-03', increase: 0, decrease: 0, adjustment: 0, net: 0, members: 149 },
    ]);
    const councils = await get('/reports/growth?from=2026-02&to=2026-02&groupBy=regionalCouncil');
    const feb = Object.fromEntries(councils.groups.map((g: any) => [g.key, g.months[0]]));
    expect(feb[ids.A]).toMatchObject({ net: -3, members: 97, publishedNet: 0, publishedMembers: 100 });
    expect(feb[ids.B]).toMatchObject({ net: 45, members: 52, publishedNet: 45, publishedMembers: 45 });
  });

  it('answers with the published figures for closed months when asPublished=true', async () => {
    const total = await get('/reports/growth?from=2026-01&to=2026-03&asPublished=true');
    expect(total.groups[0].months.map((m: any) => [m.month, m.net, m.members, m.published ?? false])).toEqual([
      ['2026-01', 107, 107, false],
      ['2026-02', 45, 145, true],
      ['2026-03', 0, 149, false],
    ]);
    // every level was published: councils, federation x council, unions
    const byCouncil = await get(`/reports/growth?from=2026-02&to=2026-02&groupBy=regionalCouncil&asPublished=true`);
    expect(byCouncil.groups.map((g: any) => [g.key, g.months[0].members])).toEqual(
      expect.arrayContaining([
        [ids.A, 100],
        [ids.B, 45],
      ]),
    );
    const xInA = await get(`/reports/growth?from=2026-02&to=2026-02&federationId=${ids.X}&regionalCouncilId=${ids.A}&asPublished=true`);
    expect(xInA.groups[0].months[0]).toMatchObject({ members: 100, net: 0 });
    const unions = await get('/reports/growth?from=2026-02&to=2026-02&groupBy=union&asPublished=true');
    expect(Object.fromEntries(unions.groups.map((g: any) => [g.label, g.months[0].members]))).toEqual({ U1労組: 100, U2労組: 45 });
  });

  it('carries the published figures into the cause reports, the gender report and dues', async () => {
    const live = await get('/reports/loss-causes?from=2026-02&to=2026-02');
    expect(live).toMatchObject({ total: 8, publishedTotal: 5 });
    expect(live.causes.map((c: any) => [c.cause, c.members, c.publishedMembers])).toEqual([
      ['retirement', 5, undefined],
      ['resignation', 3, 0],
    ]);
    const published = await get('/reports/loss-causes?from=2026-02&to=2026-02&asPublished=true');
    expect(published.total).toBe(5);
    expect(published.causes.map((c: any) => c.cause)).toEqual(['retirement']);
    expect(published.topUnions).toEqual([{ unionId: ids.U2, name: 'U2労組', members: 5 }]);

    const waterfall = await get('/reports/net-change?from=2026-02&to=2026-02');
    expect(waterfall.months[0]).toMatchObject({ net: 42, publishedNet: 45 });
    expect((await get('/reports/net-change?from=2026-02&to=2026-02&asPublished=true')).months[0]).toMatchObject({ net: 45, published: true });

    const gender = await get('/reports/gender?groupBy=regionalCouncil&month=2026-02');
    expect(gender).toMatchObject({ closed: true, published: false, total: { female: 149 } });
    expect(gender.groups.find((g: any) => g.key === ids.A)).toMatchObject({ members: 97, publishedMembers: 100, publishedFemaleShare: 1 });
    expect((await get('/reports/gender?groupBy=regionalCouncil&month=2026-02&asPublished=true')).total.members).toBe(145);

    const dues = await get('/reports/dues-projection?fiscalYear=2025');
    expect(dues.months.find((m: any) => m.month === '2026-02')).toMatchObject({ members: 149, publishedMembers: 145 });
  });

  it('publishes changes committed before the close that the worker has not applied yet', async () => {
    // live before: 2026-03 members 149 (A 97, B 52); no worker runs in this test app
    await write([
      { unionId: ids.U2, effectiveOn: '2026-03-12', delta: 4, cause: 'new_organizing' },
      { unionId: ids.U1, effectiveOn: '2026-04-08', delta: 10, cause: 'new_hire' },
      { unionId: ids.U2, effectiveOn: '2026-04-21', delta: -2, cause: 'retirement' },
    ]);
    const aggregation = t.app.get(AggregationService);
    expect(await aggregation.pending()).toBe(3);

    expect((await t.request('POST', '/periods/2026-04/close', { token: leader.token })).status).toBe(201);
    expect(await aggregation.pending()).toBe(0);
    expect(await aggregation.drain()).toBe(0);

    // the published April equals the live one: no revision shows
    const total = await get('/reports/growth?from=2026-03&to=2026-04');
    expect(total.closedMonths).toEqual(['2026-04']);
    expect(total.groups[0].months).toEqual([
      { month: '2026-03', increase: 4, decrease: 0, adjustment: 0, net: 4, members: 153 },
      { month: '2026-04', increase: 10, decrease: 2, adjustment: 0, net: 8, members: 161 },
    ]);
    const published = await get('/reports/growth?from=2026-04&to=2026-04&asPublished=true');
    expect(published.groups[0].months[0]).toMatchObject({ net: 8, members: 161, published: true });
    const councils = await get('/reports/growth?from=2026-04&to=2026-04&groupBy=regionalCouncil&asPublished=true');
    expect(Object.fromEntries(councils.groups.map((g: any) => [g.key, [g.months[0].net, g.months[0].members]]))).toEqual({
      [ids.A]: [10, 107],
      [ids.B]: [-2, 54],
    });
    const unions = await get('/reports/growth?from=2026-04&to=2026-04&groupBy=union');
    for (const g of unions.groups) expect(g.months[0].publishedMembers).toBeUndefined();
    const [row] = await t.db.query(`SELECT sum(members)::int AS members FROM published_union_month_rollups WHERE month = '2026-04-01'`);
    expect(row.members).toBe(161);
  });
});
