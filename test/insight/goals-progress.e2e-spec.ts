import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { Clock } from '../../src/platform/time/clock';
import { appendToLedger, LedgerEntry } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/*
 * Today is fixed at 2026-06-15. Ledger (all regular workers):
 *   U1 (federation X, council A): 2024-12 +1000, 2025-07 +60, 2026-06 +5
 *   U2 (federation Y, council B): 2025-09 +100, 2026-02 -40
 * Members now (through 2026-06): 1000 + 60 + 100 - 40 + 5 = 1125.
 * The last 12 complete months are 2025-06 .. 2026-05: 60 + 100 - 40 = 120, 10 a month.
 */
describe('/goals/:id/progress', () => {
  let t: TestApp;
  let councilA: string;
  let councilB: string;
  let fedX: string;
  let fedY: string;

  const createGoal = async (body: object): Promise<string> => {
    const answer = await t.request('POST', '/goals', {
      token: t.adminToken,
      body: { name: 'goal', targetOn: '2027-06-30', baselineOn: '2025-04-01', scope: {}, milestones: [], ...body },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const progress = async (id: string) => (await t.request('GET', `/goals/${id}/progress`, { token: t.adminToken })).body;

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    councilA = await makeCouncil(t);
    councilB = await makeCouncil(t);
    fedX = await makeFederation(t);
    fedY = await makeFederation(t);
    const u1 = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedX });
    const u2 = await makeUnion(t, { regionalCouncilId: councilB, federationId: fedY });
    const entry = (unionId: string, effectiveOn: string, delta: number): LedgerEntry => ({
      unionId,
      effectiveOn,
      delta,
      cause: delta > 0 ? 'new_hire' : 'resignation',
      employmentType: 'regular',
    });
    await t.db.transaction((manager) =>
      appendToLedger(
        manager,
        [entry(u1, '2024-12-10', 1000), entry(u1, '2025-07-15', 60), entry(u2, '2025-09-01', 100), entry(u2, '2026-02-10', -40), entry(u1, '2026-06-02', 5)],
        'api',
        null,
      ),
    );
    await t.app.get(AggregationService).drain();
  });
  afterAll(async () => {
    await t.close();
  });

  it('measures the chapter goal and states each milestone', async () => {
    const id = await createGoal({
      targetMembers: 1400,
      milestones: [
        { name: '第Ⅱ期', dueOn: '2027-06-30', targetMembers: 1400 },
        { name: '第Ⅰ期', dueOn: '2025-09-30', targetMembers: 1150 },
        { name: '2025年度末', dueOn: '2026-03-31', targetMembers: 1200 },
        { name: '2026年末', dueOn: '2026-12-31', targetMembers: 1185 },
      ],
    });
    const answer = await progress(id);
    expect(answer.asOf).toEqual(expect.any(String));
    expect(answer).toMatchObject({
      today: '2026-06-15',
      baselineMembers: 1000, // through 2025-04
      currentMembers: 1125,
      targetMembers: 1400,
      percent: 80.4, // 1125 / 1400
      remaining: 275,
      monthsLeft: 12, // 2026-06 -> 2027-06
      requiredMonthlyNet: 22.9, // 275 / 12
      trailing12MonthNet: 120,
      monthlyTrend: 10,
      projectedOn: '2028-10-31', // ceil(275 / 10) = 28 months after 2026-06
      onTrack: false,
    });
    expect(answer.milestones).toEqual([
      // members at the end of 2025-09: 1000 + 60 + 100 = 1160 >= 1150
      { name: '第Ⅰ期', dueOn: '2025-09-30', targetMembers: 1150, membersAtDue: 1160, projectedMembersAtDue: null, status: 'met', statusLabel: '達成' },
      // at the end of 2026-03: 1120 < 1200
      { name: '2025年度末', dueOn: '2026-03-31', targetMembers: 1200, membersAtDue: 1120, projectedMembersAtDue: null, status: 'missed', statusLabel: '未達' },
      // 6 months ahead: 1125 + 60 = 1185
      { name: '2026年末', dueOn: '2026-12-31', targetMembers: 1185, membersAtDue: null, projectedMembersAtDue: 1185, status: 'on_track', statusLabel: '順調' },
      // 12 months ahead: 1125 + 120 = 1245 < 1400
      { name: '第Ⅱ期', dueOn: '2027-06-30', targetMembers: 1400, membersAtDue: null, projectedMembersAtDue: 1245, status: 'at_risk', statusLabel: '要注意' },
    ]);
  });

  it('is on track when the trend covers the required monthly net', async () => {
    // 1125 -> 1245 in 12 months needs exactly 10 a month
    const answer = await progress(await createGoal({ targetMembers: 1245 }));
    expect(answer).toMatchObject({ remaining: 120, requiredMonthlyNet: 10, onTrack: true, projectedOn: '2027-06-30' });
  });

  it('reads the rollups of the goal scope: council, federation, federation in council', async () => {
    // council A = U1: 1000 + 60 + 5; trailing 60
    const council = await progress(await createGoal({ targetMembers: 2000, scope: { regionalCouncilId: councilA } }));
    expect(council).toMatchObject({ currentMembers: 1065, trailing12MonthNet: 60 });
    // federation Y = U2: 100 - 40; trailing 60
    const federation = await progress(await createGoal({ targetMembers: 100, scope: { federationId: fedY } }));
    expect(federation).toMatchObject({ currentMembers: 60, trailing12MonthNet: 60, remaining: 40, requiredMonthlyNet: 3.3, onTrack: true });
    // federation Y in council B: the same union; federation X in council B: nobody
    expect(await progress(await createGoal({ targetMembers: 100, scope: { federationId: fedY, regionalCouncilId: councilB } }))).toMatchObject({
      currentMembers: 60,
    });
    const empty = await progress(await createGoal({ targetMembers: 100, scope: { federationId: fedX, regionalCouncilId: councilB } }));
    expect(empty).toMatchObject({ currentMembers: 0, trailing12MonthNet: 0, projectedOn: null, onTrack: false });
  });

  it('follows the clock and answers 404 for an unknown goal', async () => {
    const id = await createGoal({ targetMembers: 1400, milestones: [{ name: 'x', dueOn: '2026-12-31', targetMembers: 1185 }] });
    t.app.get(Clock).set('2027-01-10');
    try {
      const later = await progress(id);
      // the milestone is now past: members at the end of 2026-12 are 1125
      expect(later.milestones[0]).toMatchObject({ membersAtDue: 1125, status: 'missed' });
      expect(later.trailing12MonthNet).toBe(-35); // 2026-01 .. 2026-12: -40 + 5
    } finally {
      t.app.get(Clock).set('2026-06-15');
    }
    expect((await t.request('GET', '/goals/00000000-0000-4000-8000-000000000000/progress', { token: t.adminToken })).status).toBe(404);
  });

  it('follows the report scope: chapter goals for everyone, another council or federation answers 404', async () => {
    const chapter = await createGoal({ targetMembers: 1400 });
    const inA = await createGoal({ targetMembers: 2000, scope: { regionalCouncilId: councilA } });
    const inB = await createGoal({ targetMembers: 2000, scope: { regionalCouncilId: councilB } });
    const ofX = await createGoal({ targetMembers: 2000, scope: { federationId: fedX } });
    const ofY = await createGoal({ targetMembers: 100, scope: { federationId: fedY } });
    const xInA = await createGoal({ targetMembers: 2000, scope: { federationId: fedX, regionalCouncilId: councilA } });
    const yInB = await createGoal({ targetMembers: 100, scope: { federationId: fedY, regionalCouncilId: councilB } });
    const all = [chapter, inA, inB, ofX, ofY, xInA, yInB];
    const members = async (token: string) => {
      const seen: Record<string, number> = {}; // currentMembers, or 404
      for (const id of all) {
        const answer = await t.request('GET', `/goals/${id}/progress`, { token });
        if (answer.status === 404) seen[id] = 404;
        else {
          expect(answer.status).toBe(200);
          seen[id] = answer.body.currentMembers;
        }
      }
      return seen;
    };

    const regional = await makeUser(t, 'regional', { regionalCouncilId: councilA });
    const organizer = await makeUser(t, 'organizer', { regionalCouncilId: councilB });
    const federation = await makeUser(t, 'federation', { federationId: fedY });
    const leadership = await makeUser(t, 'leadership');

    // council A: its own goals and federation X within it; federation X as a whole spans councils
    expect(await members(regional.token)).toEqual({ [chapter]: 1125, [inA]: 1065, [inB]: 404, [ofX]: 404, [ofY]: 404, [xInA]: 1065, [yInB]: 404 });
    expect(await members(organizer.token)).toEqual({ [chapter]: 1125, [inA]: 404, [inB]: 60, [ofX]: 404, [ofY]: 404, [xInA]: 404, [yInB]: 60 });
    // federation Y: its own goals and within a council; a council as a whole spans federations
    expect(await members(federation.token)).toEqual({ [chapter]: 1125, [inA]: 404, [inB]: 404, [ofX]: 404, [ofY]: 60, [xInA]: 404, [yInB]: 60 });
    const everything = { [chapter]: 1125, [inA]: 1065, [inB]: 60, [ofX]: 1065, [ofY]: 60, [xInA]: 1065, [yInB]: 60 };
    expect(await members(leadership.token)).toEqual(everything);
    expect(await members(t.adminToken)).toEqual(everything);

    // the same refusal after a cached answer for someone allowed, and the goal itself stays readable
    expect((await t.request('GET', `/goals/${inA}/progress`, { token: federation.token })).status).toBe(404);
    expect((await t.request('GET', `/goals/${inA}`, { token: federation.token })).status).toBe(200);
    // as /reports/growth refuses the same figures
    expect((await t.request('GET', `/reports/growth?regionalCouncilId=${councilA}`, { token: organizer.token })).status).toBe(403);
  });
});
