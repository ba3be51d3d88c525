import { Clock } from '../../src/platform/time/clock';
import { loadDemo } from '../support/demo';
import { download, readWorkbook } from '../support/exports';
import { TestApp, bootTestApp } from '../support/test-app';

interface Node {
  company: { id: string; name: string; prefecture: string | null; corporateNumber: string | null };
  status: string;
  unions: { id: string; members: number }[];
  prospect: { stage: string } | null;
  children: Node[];
}
const flatten = (node: Node): Node[] => [node, ...node.children.flatMap(flatten)];

/** Issue 20's "done when", on the demo: as a new user would try it. */
describe('企業グループ on the demo data', () => {
  let t: TestApp;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    t = await bootTestApp();
    const logins = await loadDemo(t);
    tokens = {};
    for (const role of ['regional', 'organizer', 'leadership']) tokens[role] = await t.login(logins[role].email, logins[role].password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a parent by 法人番号, sees three unorganized subsidiaries in Kanagawa, registers one in one click; the organizer finds it once due', async () => {
    const targets = await t.request('GET', `/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=${encodeURIComponent('神奈川県')}`, {
      token: tokens.regional,
    });
    expect(targets.body.total).toBeGreaterThanOrEqual(2);
    const first = targets.body.items[0];
    expect(first.totals.unorganizedInPrefecture).toBeGreaterThanOrEqual(3);
    // search by the parent's 法人番号
    const found = await t.request('GET', `/companies?q=${first.company.corporateNumber}`, { token: tokens.regional });
    expect(found.body.items.map((c) => c.id)).toEqual([first.company.id]);
    const tree = await t.request('GET', `/company-groups/${first.company.id}`, { token: tokens.regional });
    const nodes = flatten(tree.body.root);
    expect(nodes[0]).toMatchObject({ status: 'affiliated' });
    const union = await t.request('GET', `/unions/${nodes[0].unions[0].id}`, { token: t.adminToken });
    expect(nodes[0].unions[0].members).toBe(union.body.currentMembers);
    expect(union.body.currentMembers).toBeGreaterThan(0);
    expect(nodes.some((n) => n.status === 'other_union')).toBe(true);
    expect(nodes.some((n) => n.status === 'unknown')).toBe(true);
    const unorganized = nodes.filter((n) => n.status === 'unorganized' && n.company.prefecture === '神奈川県' && n.prospect === null);
    expect(unorganized.length).toBeGreaterThanOrEqual(3);

    const organizerId = (await t.request('GET', '/me', { token: tokens.organizer })).body.id;
    const today = t.app.get(Clock).today();
    const created = await t.request('POST', '/prospects', {
      token: tokens.regional,
      body: { fromCompanyId: unorganized[0].company.id, assignedOrganizerIds: [organizerId], nextActionOn: today },
    });
    expect(created.status).toBe(201);
    const after = await t.request('GET', `/company-groups/${first.company.id}`, { token: tokens.organizer });
    expect(flatten(after.body.root as Node).find((n) => n.company.id === unorganized[0].company.id)?.prospect).toMatchObject({ stage: 'identified' });
    const followUps = await t.request('GET', '/follow-ups', { token: tokens.organizer });
    expect(followUps.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });

  it('lets leadership export the target list to Excel', async () => {
    const file = await download(
      t,
      `/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=${encodeURIComponent('神奈川県')}&format=xlsx`,
      tokens.leadership,
    );
    expect(file.status).toBe(200);
    const rows = (await readWorkbook(file.bytes)).sheets.get('対象グループ')!;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0][0]).toBe('親会社');
  });
});
