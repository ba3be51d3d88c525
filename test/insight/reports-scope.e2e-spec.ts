import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { Clock } from '../../src/platform/time/clock';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { DocumentedPath, TestApp, bootTestApp } from '../support/test-app';

/*
 * Scope and validation of the reports. Two councils (A, B), two federations (X, Y):
 * U1 = X in A (+100, -10 resignation), U2 = Y in A (+40), U3 = X in B (+70, -20 retirement), all in 2026-01.
 */
describe('/reports: scope by role and parameter validation', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const users: Record<string, TestUser> = {};
  const growth = (user: TestUser, query: string) => t.request('GET', `/reports/growth?from=2026-01&to=2026-01&${query}`, { token: user.token });
  const keyMembers = (body: any) => Object.fromEntries(body.groups.map((g: any) => [g.key, g.months[0].members]));

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    ids.A = await makeCouncil(t);
    ids.B = await makeCouncil(t);
    ids.X = await makeFederation(t);
    ids.Y = await makeFederation(t);
    const u1 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.X });
    const u2 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.Y });
    const u3 = await makeUnion(t, { regionalCouncilId: ids.B, federationId: ids.X });
    ids.U3 = u3;
    await t.db.transaction((manager) =>
      appendToLedger(
        manager,
        [
          { unionId: u1, effectiveOn: '2026-01-05', delta: 100, cause: 'new_hire', employmentType: 'regular' },
          { unionId: u1, effectiveOn: '2026-01-20', delta: -10, cause: 'resignation', employmentType: 'regular' },
          { unionId: u2, effectiveOn: '2026-01-05', delta: 40, cause: 'new_hire', employmentType: 'regular' },
          { unionId: u3, effectiveOn: '2026-01-05', delta: 70, cause: 'new_hire', employmentType: 'regular' },
          { unionId: u3, effectiveOn: '2026-01-20', delta: -20, cause: 'retirement', employmentType: 'regular' },
        ],
        'api',
        null,
      ),
    );
    await t.app.get(AggregationService).drain();
    users.leadership = await makeUser(t, 'leadership');
    users.regionalA = await makeUser(t, 'regional', { regionalCouncilId: ids.A });
    users.organizerB = await makeUser(t, 'organizer', { regionalCouncilId: ids.B });
    users.federationX = await makeUser(t, 'federation', { federationId: ids.X });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets leadership read everything', async () => {
    const answer = await growth(users.leadership, 'groupBy=regionalCouncil');
    expect(keyMembers(answer.body)).toEqual({ [ids.A]: 130, [ids.B]: 50 });
  });

  it('restricts regional staff and organizers to their council', async () => {
    expect(keyMembers((await growth(users.regionalA, 'groupBy=regionalCouncil')).body)).toEqual({ [ids.A]: 130 });
    expect(keyMembers((await growth(users.regionalA, 'groupBy=total')).body)).toEqual({ all: 130 });
    expect(keyMembers((await growth(users.regionalA, 'groupBy=federation')).body)).toEqual({ [ids.X]: 90, [ids.Y]: 40 });
    expect(keyMembers((await growth(users.organizerB, 'groupBy=union')).body)).toEqual({ [ids.U3]: 50 });
    const other = await growth(users.regionalA, `regionalCouncilId=${ids.B}`);
    expect(other.status).toBe(403);
    expect((await growth(users.regionalA, `regionalCouncilId=${ids.A}`)).status).toBe(200);

    const losses = await t.request('GET', '/reports/loss-causes?from=2026-01&to=2026-01', { token: users.organizerB.token });
    expect(losses.body).toMatchObject({ total: 20, causes: [{ cause: 'retirement', members: 20 }] });
    const dues = await t.request('GET', '/reports/dues-projection?fiscalYear=2025', { token: users.regionalA.token });
    expect(dues.body.months.at(-1)).toMatchObject({ month: '2026-03', members: 130 });
    const gender = await t.request('GET', `/reports/gender?groupBy=regionalCouncil&regionalCouncilId=${ids.A}`, { token: users.organizerB.token });
    expect(gender.status).toBe(403);
  });

  it('restricts federation users to their federation', async () => {
    expect(keyMembers((await growth(users.federationX, 'groupBy=regionalCouncil')).body)).toEqual({ [ids.A]: 90, [ids.B]: 50 });
    expect(keyMembers((await growth(users.federationX, `groupBy=total&regionalCouncilId=${ids.B}`)).body)).toEqual({ all: 50 });
    expect((await growth(users.federationX, `federationId=${ids.Y}`)).status).toBe(403);
    const waterfall = await t.request('GET', '/reports/net-change?from=2026-01&to=2026-01', { token: users.federationX.token });
    expect(waterfall.body.months[0]).toMatchObject({ net: 140 });
    expect((await t.request('GET', '/reports/growth')).status).toBe(401);
  });

  it('answers 400 naming the parameter', async () => {
    const cases: [DocumentedPath<'GET'>, string][] = [
      ['/reports/growth?from=2026-13&to=2026-12', 'from'],
      ['/reports/growth?from=2026-01&to=26-01', 'to'],
      ['/reports/growth?from=2026-03&to=2026-01', 'from'],
      ['/reports/growth?from=2016-01&to=2026-01', 'to'], // 121 months
      ['/reports/growth?groupBy=industry', 'groupBy'],
      ['/reports/growth?asPublished=yes', 'asPublished'],
      ['/reports/growth?federationId=not-a-uuid', 'federationId'],
      ['/reports/growth?colour=red', 'colour'],
      ['/reports/loss-causes?to=2026-1', 'to'],
      ['/reports/net-change?from=2026-05&to=2026-04', 'from'],
      ['/reports/gender?groupBy=sector', 'groupBy'],
      ['/reports/gender?month=2026-00', 'month'],
      ['/reports/dues-projection?fiscalYear=abc', 'fiscalYear'],
      ['/reports/dues-projection?fiscalYear=1999', 'fiscalYear'],
    ];
    for (const [path, field] of cases) {
      const answer = await t.request('GET', path, { token: users.leadership.token });
      expect([path, answer.status, answer.body.details?.[0]?.field]).toEqual([path, 400, field]);
    }
    // exactly 120 months is allowed
    expect((await t.request('GET', '/reports/growth?from=2016-02&to=2026-01', { token: users.leadership.token })).status).toBe(200);
  });
});
