import { DemoContext, seededRandom } from '../../src/demo/demo-context';
import { loadGoals } from '../../src/demo/demo-goals';
import { loadStructure } from '../../src/demo/demo-structure';
import { loadUsers } from '../../src/demo/demo-users';
import { TestApp, bootTestApp } from '../support/test-app';

describe('demo goals and loss reviews', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    await t.db.transaction(async (manager) => {
      const ctx: DemoContext = { manager, councils: new Map(), federations: new Map(), users: new Map(), random: seededRandom(1) };
      await loadStructure(ctx);
      await loadUsers(ctx);
      await loadGoals(ctx);
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads 「40万連合神奈川」 with its phases, allocated to the councils with a visible mismatch', async () => {
    const top = await t.request('GET', '/goals?limit=100', { token: t.adminToken });
    const chapter = top.body.items.find((g: any) => g.name === '40万連合神奈川')!;
    expect(chapter).toMatchObject({ targetMembers: 400_000, targetOn: '2030-09-30', scope: { federationId: null, regionalCouncilId: null } });
    expect(chapter.milestones.map((m: any) => [m.dueOn, m.targetMembers])).toEqual([
      ['2025-09-30', 384_000],
      ['2030-09-30', 400_000],
    ]);
    const allocations = await t.request('GET', `/goals/${chapter.id}/allocations`, { token: t.adminToken });
    expect(allocations.body).toMatchObject({ childrenTargetMembers: 398_500, difference: -1_500, balanced: false });
    expect(allocations.body.children).toHaveLength(9);

    const progress = await t.request('GET', `/goals/${chapter.id}/progress`, { token: t.adminToken });
    expect(progress.status).toBe(200);
    const uaZensen = top.body.items.find((g: any) => g.name === 'UAゼンセン神奈川 組織拡大目標')!;
    expect((await t.request('GET', `/goals/${uaZensen.id}/allocations`, { token: t.adminToken })).body.difference).toBe(-31_000);
  });

  it('loads loss reviews of three councils', async () => {
    const reviews = await t.request('GET', '/loss-reviews', { token: t.adminToken });
    expect(reviews.body.total).toBe(3);
    expect(reviews.body.items.map((r: any) => r.regionalCouncilName).sort()).toEqual(['川崎地域連合', '横浜地域連合', '相模原地域連合'].sort());
  });
});
