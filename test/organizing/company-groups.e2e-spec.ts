import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { LedgerEntry, appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { download, readCsv, readWorkbook, savedFileName } from '../support/exports';
import { CallWithBody, TestApp, bootTestApp } from '../support/test-app';

interface Node {
  company: { id: string; name: string; prefecture: string | null };
  depth: number;
  status: string;
  employees: number | null;
  organizedMembers: number;
  organizationRate: number | null;
  unions: { id: string; members: number }[];
  prospect: { id: string; stage: string; lastVisitOn: string | null } | null;
  children: Node[];
}
const flatten = (node: Node): Node[] => [node, ...node.children.flatMap(flatten)];

describe('/company-groups: the tree, its totals, the target list, scope, a prospect from a company', () => {
  let t: TestApp;
  let yokohama: string;
  let kawasaki: string;
  let jaw: string;
  let staff: TestUser;
  let organizer: TestUser;
  let kawasakiOrganizer: TestUser;
  let federationUser: TestUser;
  const ids: Record<string, string> = {};
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  const ledger = async (entries: LedgerEntry[]): Promise<void> => {
    await t.db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
    await t.app.get(AggregationService).drain();
  };
  const company = async (key: string, body: Record<string, unknown>): Promise<void> => {
    const answer = await admin('POST', '/companies', { name: key, prefecture: '神奈川県', ...body });
    expect(answer.status).toBe(201);
    ids[key] = answer.body.id;
  };
  const relate = async (parent: string, child: string, kind = 'consolidated_subsidiary'): Promise<void> => {
    const answer = await admin('POST', '/company-relations', { parentId: ids[parent], childId: ids[child], kind, votingShare: 100, confidence: 'high' });
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    yokohama = await makeCouncil(t, { municipalities: ['横浜市', '藤沢市'] });
    kawasaki = await makeCouncil(t, { municipalities: ['川崎市'] });
    jaw = await makeFederation(t, { name: '自動車総連' });
    staff = await makeUser(t, 'regional', { regionalCouncilId: yokohama });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: yokohama });
    kawasakiOrganizer = await makeUser(t, 'organizer', { regionalCouncilId: kawasaki });
    federationUser = await makeUser(t, 'federation', { federationId: jaw });
    // 湘南モーター (parent, its union affiliated) → 物流 (affiliated too), 部品 (unorganized, Kanagawa),
    // 販売 (unorganized, Kanagawa) → 販売サービス (unknown), 静岡工場 (unorganized, Shizuoka), 商事 (other union)
    await company('株式会社湘南モーター', {
      municipality: '藤沢市',
      employees: { count: 5000, asOf: '2025-03-31', source: '有価証券報告書' },
      industryCode: 'E',
    });
    await company('湘南モーター物流株式会社', { municipality: '横浜市', employees: { count: 800, asOf: '2025-03-31', source: '有価証券報告書' } });
    await company('湘南モーター部品株式会社', {
      municipality: '藤沢市',
      unionPresence: 'none',
      employees: { count: 300, asOf: '2025-03-31', source: '有価証券報告書' },
      industryCode: 'E',
    });
    await company('湘南モーター販売株式会社', {
      municipality: '川崎市',
      unionPresence: 'none',
      employees: { count: 200, asOf: '2025-03-31', source: '有価証券報告書' },
    });
    await company('湘南モーター販売サービス株式会社', { municipality: '川崎市' });
    await company('湘南モーター静岡株式会社', {
      prefecture: '静岡県',
      municipality: '浜松市',
      unionPresence: 'none',
      employees: { count: 150, asOf: '2025-03-31', source: '有価証券報告書' },
    });
    await company('湘南モーター商事株式会社', { municipality: '横浜市', unionPresence: 'other_union', otherUnionName: '商事ユニオン' });
    await relate('株式会社湘南モーター', '湘南モーター物流株式会社');
    await relate('株式会社湘南モーター', '湘南モーター部品株式会社');
    await relate('株式会社湘南モーター', '湘南モーター販売株式会社');
    await relate('湘南モーター販売株式会社', '湘南モーター販売サービス株式会社');
    await relate('株式会社湘南モーター', '湘南モーター静岡株式会社');
    await relate('株式会社湘南モーター', '湘南モーター商事株式会社', 'equity_affiliate');
    // a second group with no affiliated union
    await company('株式会社よこはま食品', { municipality: '横浜市', unionPresence: 'none' });
    await company('よこはま食品サービス株式会社', { municipality: '横浜市', unionPresence: 'none' });
    await relate('株式会社よこはま食品', 'よこはま食品サービス株式会社');

    const parentUnion = await makeUnion(t, { regionalCouncilId: yokohama, federationId: jaw, name: '湘南モーター労働組合' });
    const logisticsUnion = await makeUnion(t, { regionalCouncilId: kawasaki, federationId: jaw, name: '湘南モーター物流労働組合' });
    expect((await admin('PATCH', `/unions/${parentUnion}`, { companyId: ids['株式会社湘南モーター'] })).status).toBe(200);
    expect((await admin('PATCH', `/unions/${logisticsUnion}`, { companyId: ids['湘南モーター物流株式会社'] })).status).toBe(200);
    ids.parentUnion = parentUnion;
    ids.logisticsUnion = logisticsUnion;
    await ledger([
      { unionId: parentUnion, effectiveOn: '2024-04-01', delta: 3200, cause: 'new_organizing', employmentType: 'regular' },
      { unionId: parentUnion, effectiveOn: '2025-01-10', delta: -12, cause: 'retirement', employmentType: 'regular' },
      { unionId: logisticsUnion, effectiveOn: '2024-04-01', delta: 410, cause: 'new_organizing', employmentType: 'regular' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the whole group from the ultimate parent, whichever company is asked, with each status', async () => {
    const answer = await t.request('GET', `/company-groups/${ids['湘南モーター販売サービス株式会社']}`, { token: organizer.token });
    expect(answer.status).toBe(200);
    expect(answer.body.root.company.id).toBe(ids['株式会社湘南モーター']);
    const nodes = flatten(answer.body.root);
    const byName = Object.fromEntries(nodes.map((n) => [n.company.name, n]));
    expect(nodes).toHaveLength(7);
    expect(byName['株式会社湘南モーター']).toMatchObject({ depth: 0, status: 'affiliated', organizedMembers: 3188, employees: 5000, organizationRate: 0.6376 });
    expect(byName['湘南モーター販売サービス株式会社']).toMatchObject({ depth: 2, status: 'unknown', employees: null, organizationRate: null });
    expect(byName['湘南モーター部品株式会社'].status).toBe('unorganized');
    expect(byName['湘南モーター商事株式会社'].status).toBe('other_union');
    expect(byName['湘南モーター物流株式会社'].status).toBe('affiliated');
  });

  it("has totals equal to the sums of its companies, and members equal to GET /unions/:id's", async () => {
    const answer = await admin('GET', `/company-groups/${ids['株式会社湘南モーター']}`);
    const nodes = flatten(answer.body.root);
    const unionsAnswer = await Promise.all([ids.parentUnion, ids.logisticsUnion].map((id) => admin('GET', `/unions/${id}`)));
    const shown = Object.fromEntries(nodes.flatMap((n) => n.unions).map((u) => [u.id, u.members]));
    for (const union of unionsAnswer) expect(shown[union.body.id]).toBe(union.body.currentMembers);
    expect(answer.body.totals).toEqual({
      companies: nodes.length,
      employees: nodes.reduce((s, n) => s + (n.employees ?? 0), 0),
      organizedMembers: nodes.reduce((s, n) => s + n.organizedMembers, 0),
      organizationRate: Math.round(((3188 + 410) / (5000 + 800 + 300 + 200 + 150)) * 10000) / 10000,
      unorganizedCompanies: nodes.filter((n) => n.status === 'unorganized').length,
      unorganizedInPrefecture: nodes.filter((n) => n.status === 'unorganized' && n.company.prefecture === '神奈川県').length,
      prospectsByStage: {},
    });
    expect(answer.body.totals).toMatchObject({ organizedMembers: 3598, unorganizedCompanies: 3, unorganizedInPrefecture: 2 });
    const shizuoka = await admin('GET', `/company-groups/${ids['株式会社湘南モーター']}?prefecture=${encodeURIComponent('静岡県')}`);
    expect(shizuoka.body.totals.unorganizedInPrefecture).toBe(1);
  });

  it('registers an unorganized company as a prospect in one step; the tree shows its stage from then on', async () => {
    const created = await t.request('POST', '/prospects', {
      token: staff.token,
      body: { fromCompanyId: ids['湘南モーター部品株式会社'], assignedOrganizerIds: [organizer.id], nextActionOn: '2026-01-15' },
      headers: { 'idempotency-key': 'from-company-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      employerName: '湘南モーター部品株式会社',
      municipality: '藤沢市',
      regionalCouncilId: yokohama,
      estimatedWorkers: 300,
      source: 'corporate_group',
      companyId: ids['湘南モーター部品株式会社'],
      stage: 'identified',
    });
    const again = await t.request('POST', '/prospects', { token: staff.token, body: { fromCompanyId: ids['湘南モーター部品株式会社'] } });
    expect([again.status, again.body.code]).toEqual([409, 'COMPANY_ALREADY_PROSPECT']);
    const outside = await t.request('POST', '/prospects', { token: staff.token, body: { fromCompanyId: ids['湘南モーター静岡株式会社'] } });
    expect([outside.status, outside.body.details?.[0]?.field]).toEqual([400, 'municipality']);
    const visit = await t.request('POST', `/prospects/${created.body.id}/visits`, {
      token: organizer.token,
      body: { occurredOn: '2025-12-01', kind: 'visit', summary: '門前で挨拶' },
    });
    expect(visit.status).toBe(201);
    const tree = await t.request('GET', `/company-groups/${ids['株式会社湘南モーター']}`, { token: organizer.token });
    const node = flatten(tree.body.root as Node).find((n) => n.company.id === ids['湘南モーター部品株式会社']);
    expect(node?.prospect).toMatchObject({ id: created.body.id, stage: 'identified', lastVisitOn: '2025-12-01' });
    expect(tree.body.totals.prospectsByStage).toEqual({ identified: 1 });
    const events = await t.db.query(`SELECT action FROM audit_events WHERE target_id = $1`, [created.body.id]);
    expect(events.map((e: { action: string }) => e.action)).toContain('prospect.created');
  });

  it('shows an organizer the prospects of their own council only; the rest of the tree is the same', async () => {
    const own = await t.request('GET', `/company-groups/${ids['株式会社湘南モーター']}`, { token: organizer.token });
    const other = await t.request('GET', `/company-groups/${ids['株式会社湘南モーター']}`, { token: kawasakiOrganizer.token });
    const prospectsOf = (answer: { body: { root: Node } }) => flatten(answer.body.root).filter((n) => n.prospect !== null).length;
    expect(prospectsOf(own)).toBe(1);
    expect(prospectsOf(other)).toBe(0);
    expect(other.body.totals.prospectsByStage).toEqual({});
    expect(other.body.totals.organizedMembers).toBe(own.body.totals.organizedMembers);
    // the status does not depend on who looks
    expect(flatten(other.body.root).map((n) => n.status)).toEqual(flatten(own.body.root).map((n) => n.status));
    const fed = await t.request('GET', `/company-groups/${ids['株式会社湘南モーター']}`, { token: federationUser.token });
    expect(fed.status).toBe(200);
  });

  it('lists the targets: groups with an affiliated union and unorganized companies in the prefecture', async () => {
    const all = await admin('GET', '/company-groups');
    expect(all.body.items.map((g: { company: { id: string } }) => g.company.id).sort()).toEqual(
      [ids['株式会社湘南モーター'], ids['株式会社よこはま食品']].sort(),
    );
    const targets = await t.request('GET', `/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=${encodeURIComponent('神奈川県')}`, {
      token: organizer.token,
    });
    expect(targets.body.items).toHaveLength(1);
    const tree = await t.request('GET', `/company-groups/${ids['株式会社湘南モーター']}`, { token: organizer.token });
    expect(targets.body.items[0]).toMatchObject({ company: { id: ids['株式会社湘南モーター'] }, hasAffiliatedUnion: true, hasUnorganized: true });
    expect(targets.body.items[0].totals).toEqual(tree.body.totals);
    const none = await admin('GET', '/company-groups?hasAffiliatedUnion=false');
    expect(none.body.items.map((g: { company: { id: string } }) => g.company.id)).toEqual([ids['株式会社よこはま食品']]);
    expect((await admin('GET', `/company-groups?q=${encodeURIComponent('販売サービス')}`)).body.total).toBe(1);
  });

  it('exports the tree (one row per company, indented by depth), the target list and the companies to Excel and CSV, and audits the downloads', async () => {
    const xlsx = await download(t, `/company-groups/${ids['株式会社湘南モーター']}?format=xlsx`, t.adminToken);
    expect(xlsx.status).toBe(200);
    expect(savedFileName(xlsx.headers)).toMatch(/^企業グループ.*\.xlsx$/);
    const { sheets } = await readWorkbook(xlsx.bytes);
    const rows = sheets.get('企業グループ')!;
    expect(rows[0].slice(0, 4)).toEqual(['階層', '企業名', '法人番号', '関係']);
    expect(rows).toHaveLength(1 + 7);
    expect(rows[1].slice(0, 2)).toEqual([0, '株式会社湘南モーター']);
    const service = rows.find((r) => String(r[1]).endsWith('湘南モーター販売サービス株式会社'))!;
    expect(service[0]).toBe(2);
    expect(service[1]).toBe('　　　　湘南モーター販売サービス株式会社');
    // a child comes after its parent
    const names = rows.slice(1).map((r) => String(r[1]).trim());
    expect(names.indexOf('湘南モーター販売サービス株式会社')).toBe(names.indexOf('湘南モーター販売株式会社') + 1);
    expect(sheets.get('合計')![1][2]).toBe(3598);

    const targets = await download(
      t,
      `/company-groups?hasAffiliatedUnion=true&hasUnorganized=true&prefecture=${encodeURIComponent('神奈川県')}&format=xlsx`,
      t.adminToken,
    );
    expect(targets.status).toBe(200);
    const targetRows = (await readWorkbook(targets.bytes)).sheets.get('対象グループ')!;
    expect(targetRows.slice(1).map((r) => r[0])).toEqual(['株式会社湘南モーター']);
    const csv = await download(t, `/companies?prefecture=${encodeURIComponent('静岡県')}&format=csv`, t.adminToken);
    expect(
      readCsv(csv.bytes)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['湘南モーター静岡株式会社']);
    const events = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'export.downloaded'`);
    expect(events[0].n).toBeGreaterThanOrEqual(3);
  });

  it("assigns the council's organizer to a prospect made in one click when the council has exactly one, and nobody when it has several", async () => {
    const kawasakiStaff = await makeUser(t, 'regional', { regionalCouncilId: kawasaki });
    const single = await admin('POST', '/companies', { name: '川崎ワンクリック株式会社', prefecture: '神奈川県', municipality: '川崎市' });
    const created = await t.request('POST', '/prospects', { token: kawasakiStaff.token, body: { fromCompanyId: single.body.id } });
    expect([created.status, created.body.assignedOrganizerIds]).toEqual([201, [kawasakiOrganizer.id]]);
    await makeUser(t, 'organizer', { regionalCouncilId: kawasaki });
    const several = await admin('POST', '/companies', { name: '川崎ふたり株式会社', prefecture: '神奈川県', municipality: '川崎市' });
    const unassigned = await t.request('POST', '/prospects', { token: kawasakiStaff.token, body: { fromCompanyId: several.body.id } });
    expect([unassigned.status, unassigned.body.assignedOrganizerIds]).toEqual([201, []]);
    const named = await admin('POST', '/companies', { name: '川崎指名株式会社', prefecture: '神奈川県', municipality: '川崎市' });
    const chosen = await t.request('POST', '/prospects', {
      token: kawasakiStaff.token,
      body: { fromCompanyId: named.body.id, assignedOrganizerIds: [kawasakiOrganizer.id], estimatedWorkers: 55, employerName: '川崎指名（本社）' },
    });
    expect(chosen.body).toMatchObject({
      assignedOrganizerIds: [kawasakiOrganizer.id],
      estimatedWorkers: 55,
      employerName: '川崎指名(本社)',
      companyId: named.body.id,
    });
  });

  it('answers 404 for an unknown company and 400 for a malformed id', async () => {
    expect((await admin('GET', '/company-groups/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin('GET', '/company-groups/nope')).status).toBe(400);
  });
});
