import { makeCouncil, makeFederation, makeUser, TestUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/goals: management, reading and allocations', () => {
  let t: TestApp;
  let leader: TestUser;
  let regional: TestUser;
  let organizer: TestUser;
  let councilA: string;
  let councilB: string;
  let federation: string;
  const chapter = {
    name: '40万連合神奈川',
    targetMembers: 400_000,
    targetOn: '2030-09-30',
    baselineOn: '2026-04-01',
    scope: {},
    milestones: [{ name: '第Ⅱ期', dueOn: '2030-09-30', targetMembers: 400_000 }],
  };

  beforeAll(async () => {
    t = await bootTestApp();
    councilA = await makeCouncil(t);
    councilB = await makeCouncil(t);
    federation = await makeFederation(t);
    leader = await makeUser(t, 'leadership');
    regional = await makeUser(t, 'regional', { regionalCouncilId: councilA });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: councilA });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets leadership create, update with version and delete; every role reads', async () => {
    const created = await t.request('POST', '/goals', { token: leader.token, body: chapter });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...chapter, scope: { federationId: null, regionalCouncilId: null }, parentGoalId: null, version: 1 });
    const id = created.body.id;

    expect((await t.request('GET', `/goals/${id}`, { token: organizer.token })).status).toBe(200);
    const list = await t.request('GET', '/goals', { token: regional.token });
    expect(list.body).toMatchObject({ total: 1, items: [{ id }] });

    const updated = await t.request('PATCH', `/goals/${id}`, { token: t.adminToken, body: { targetMembers: 410_000, version: 1 } });
    expect(updated.body).toMatchObject({ targetMembers: 410_000, version: 2, milestones: chapter.milestones });
    const stale = await t.request('PATCH', `/goals/${id}`, { token: leader.token, body: { name: 'stale', version: 1 } });
    expect(stale.status).toBe(409);

    expect((await t.request('DELETE', `/goals/${id}`, { token: leader.token })).status).toBe(204);
    expect((await t.request('GET', `/goals/${id}`, { token: leader.token })).status).toBe(404);
  });

  it('refuses management to other roles', async () => {
    for (const user of [regional, organizer]) {
      expect((await t.request('POST', '/goals', { token: user.token, body: chapter })).status).toBe(403);
    }
    expect((await t.request('GET', '/goals')).status).toBe(401);
  });

  it('validates dates, milestones, references and the parent chain', async () => {
    const dates = await t.request('POST', '/goals', { token: leader.token, body: { ...chapter, baselineOn: '2031-01-01' } });
    expect(dates.status).toBe(400);
    expect(dates.body.details).toEqual([{ field: 'baselineOn', code: 'DATES_OUT_OF_ORDER', message: 'must be on or before targetOn' }]);

    const milestone = await t.request('POST', '/goals', {
      token: leader.token,
      body: { ...chapter, milestones: [{ name: 'x', dueOn: '2030-02-30', targetMembers: 1 }] },
    });
    expect(milestone.status).toBe(400);
    expect(milestone.body.details[0].field).toBe('milestones[0].dueOn');

    const unknown = await t.request('POST', '/goals', {
      token: leader.token,
      body: { ...chapter, scope: { federationId: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(unknown.status).toBe(400);

    const extra = await t.request('POST', '/goals', { token: leader.token, body: { ...chapter, colour: 'red' } });
    expect(extra.body.details).toEqual([{ field: 'colour', code: 'UNKNOWN_FIELD', message: 'is not a known field' }]);

    const parent = (await t.request('POST', '/goals', { token: leader.token, body: chapter })).body;
    const child = (await t.request('POST', '/goals', { token: leader.token, body: { ...chapter, parentGoalId: parent.id } })).body;
    const cycle = await t.request('PATCH', `/goals/${parent.id}`, { token: leader.token, body: { parentGoalId: child.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.details).toEqual([{ field: 'parentGoalId', code: 'GOAL_CYCLE', message: 'would make the goal its own ancestor' }]);
    expect((await t.request('DELETE', `/goals/${parent.id}`, { token: leader.token })).status).toBe(409);
  });

  it("of two goals made each other's parent at once, exactly one is re-parented and no cycle is left", async () => {
    const make = async (name: string): Promise<string> =>
      (await t.request('POST', '/goals', { token: leader.token, body: { ...chapter, name, milestones: [] } })).body.id;
    const pairs: [string, string][] = [];
    for (let i = 0; i < 10; i++) pairs.push([await make(`循環A${i}`), await make(`循環B${i}`)]);

    const answers = await Promise.all(
      pairs.map(([a, b]) =>
        Promise.all([
          t.request('PATCH', `/goals/${a}`, { token: leader.token, body: { parentGoalId: b } }),
          t.request('PATCH', `/goals/${b}`, { token: leader.token, body: { parentGoalId: a } }),
        ]),
      ),
    );
    for (const pair of answers) {
      expect(pair.map((a) => a.status).sort()).toEqual([200, 400]);
      expect(pair.find((a) => a.status === 400)?.body.details).toEqual([
        { field: 'parentGoalId', code: 'GOAL_CYCLE', message: 'would make the goal its own ancestor' },
      ]);
    }
    const inCycles = await t.db.query(
      `WITH RECURSIVE up(start, id) AS (
         SELECT id, parent_goal_id FROM goals WHERE parent_goal_id IS NOT NULL
         UNION
         SELECT up.start, g.parent_goal_id FROM goals g JOIN up ON g.id = up.id WHERE g.parent_goal_id IS NOT NULL
       )
       SELECT start FROM up WHERE id = start`,
    );
    expect(inCycles).toEqual([]);
  });

  it('shows allocations and their mismatch with the parent target', async () => {
    const parent = (await t.request('POST', '/goals', { token: leader.token, body: { ...chapter, targetMembers: 1000 } })).body;
    const allocate = (name: string, targetMembers: number, scope: object) =>
      t.request('POST', '/goals', { token: leader.token, body: { ...chapter, name, targetMembers, scope, parentGoalId: parent.id, milestones: [] } });
    expect((await allocate('A地域', 600, { regionalCouncilId: councilA })).status).toBe(201);
    expect((await allocate('B地域', 350, { regionalCouncilId: councilB })).status).toBe(201);

    const answer = await t.request('GET', `/goals/${parent.id}/allocations`, { token: organizer.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ goalId: parent.id, targetMembers: 1000, childrenTargetMembers: 950, difference: -50, balanced: false });
    expect(answer.body.children.map((c: any) => c.name)).toEqual(['A地域', 'B地域']);

    await allocate('産別', 50, { federationId: federation, regionalCouncilId: councilA });
    const balanced = await t.request('GET', `/goals/${parent.id}/allocations`, { token: leader.token });
    expect(balanced.body).toMatchObject({ childrenTargetMembers: 1000, difference: 0, balanced: true });

    const children = await t.request('GET', `/goals?parentGoalId=${parent.id}&regionalCouncilId=${councilA}`, { token: leader.token });
    expect(children.body.total).toBe(2);
  });
});
