import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { LedgerEntry, appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { EXPORT_ROUTES } from '../../src/export-routes';
import { Clock } from '../../src/platform/time/clock';
import { allPages, download, readCsv, readWorkbook, savedFileName } from '../support/exports';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/*
 * Lists as Excel and CSV: every row in the caller's scope (not one page), in the JSON's
 * order and with its values, the union named beside its id. Council A; federations X, Y;
 * 1,203 ledger rows (X: 802, Y: 401) and 520 more unions of X.
 */
describe('list exports (?format=xlsx|csv)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let federationX: TestUser;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    ids.A = await makeCouncil(t);
    ids.X = await makeFederation(t);
    ids.Y = await makeFederation(t);
    ids.ux = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.X, name: '第一労組' });
    ids.uy = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.Y, name: '第二労組' });
    const entries: LedgerEntry[] = Array.from({ length: 1203 }, (_, i) => ({
      unionId: i % 3 === 2 ? ids.uy : ids.ux,
      effectiveOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      delta: (i % 7) + 1,
      cause: 'new_hire',
      employmentType: i % 2 ? 'regular' : 'part_time',
      note: i === 0 ? '=1+1 はじめの記録, "引用"' : undefined,
    }));
    await t.db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
    await t.db.query(
      `INSERT INTO unions (name, federation_id, regional_council_id, employer_name, kind)
       SELECT '労組' || lpad(n::text, 4, '0'), $1, $2, '株式会社' || n, 'enterprise' FROM generate_series(1, 520) n`,
      [ids.X, ids.A],
    );
    await t.app.get(AggregationService).drain();
    federationX = await makeUser(t, 'federation', { federationId: ids.X });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: ids.A });
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports every ledger row, more than one page, with the JSON values and the union named', async () => {
    const json = await allPages(t, '/membership-changes', t.adminToken);
    expect(json).toHaveLength(1203);
    const file = await download(t, '/membership-changes?format=csv&limit=10', t.adminToken);
    expect(file.status).toBe(200);
    expect(savedFileName(file.headers)).toBe('組合員数増減_2026-06-15.csv');
    const [header, ...rows] = readCsv(file.bytes);
    expect(header.slice(0, 5)).toEqual(['発効日', '組合コード', '組合名', '増減数', '事由']);
    expect(rows).toHaveLength(1203);
    expect(rows.map((r) => [r[0], r[3]])).toEqual(json.map((c) => [c.effectiveOn.replaceAll('-', '/'), String(c.delta)]));
    expect(rows.map((r) => r[2])).toEqual(json.map((c) => (c.unionId === ids.ux ? '第一労組' : '第二労組')));
    // text that Excel would run as a formula is kept as text; quotes and commas survive
    expect(rows.find((r) => r[7].includes('はじめの記録'))?.[7]).toBe(`'=1+1 はじめの記録, "引用"`);
  });

  it("streams a federation user's ledger as a workbook holding only their unions' rows", async () => {
    const json = await allPages(t, '/membership-changes', federationX.token);
    expect(json).toHaveLength(802);
    const file = await download(t, '/membership-changes?format=xlsx', federationX.token);
    const { book, sheets } = await readWorkbook(file.bytes);
    const rows = (sheets.get('増減') as unknown[][]).slice(1);
    expect(rows).toHaveLength(802);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['第一労組']));
    expect(rows.map((r) => r[3])).toEqual(json.map((c) => c.delta));
    const cell = book.getWorksheet('増減')?.getRow(2).getCell(4);
    expect(typeof cell?.value).toBe('number');
    expect(cell?.numFmt).toBe('#,##0');
    expect(book.getWorksheet('増減')?.getRow(2).getCell(1).value).toEqual(new Date(`${json[0].effectiveOn}T00:00:00Z`));
  });

  it('keeps the filters of the JSON route', async () => {
    const path = `/membership-changes?unionId=${ids.uy}&from=2025-03-01&to=2025-06-30`;
    const json = await allPages(t, path, t.adminToken);
    const rows = readCsv((await download(t, `${path}&format=csv`, t.adminToken)).bytes).slice(1);
    expect(rows.length).toBe(json.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === '第二労組' && r[0] >= '2025/03/01' && r[0] <= '2025/06/30')).toBe(true);
  });

  it("exports all of a federation user's unions (more than one page) and nobody else's", async () => {
    const json = await allPages(t, '/unions', federationX.token);
    expect(json).toHaveLength(521);
    const { sheets } = await readWorkbook((await download(t, '/unions?format=xlsx', federationX.token)).bytes);
    const [header, ...rows] = sheets.get('組合') as unknown[][];
    expect(header).toEqual(['組合コード', '組合名', '構成組織', '地域連合', '企業名', '市区町村', '種別', '状態', '加盟日', '組合員数']);
    expect(rows.map((r) => r[1])).toEqual(json.map((u) => u.name));
    expect(rows).not.toContainEqual(expect.arrayContaining(['第二労組']));
    expect(rows.find((r) => r[1] === '第一労組')?.[9]).toBe(json.find((u) => u.name === '第一労組').currentMembers);
    expect(rows[0][6]).toBe('企業別組合');
  });

  it('refuses a list export outside the role as the JSON route does', async () => {
    const users = await download(t, '/users?format=csv', organizer.token);
    expect(users.status).toBe(403);
    expect(users.headers.get('content-type')).toMatch(/^application\/json/);
    const admins = readCsv((await download(t, '/users?format=csv', t.adminToken)).bytes);
    expect(admins[0]).toEqual(['氏名', 'メールアドレス', '役割', '地域連合', '構成組織', '登録日時']);
    expect(admins.slice(1).map((r) => r[2])).toContain('オルガナイザー');
  });

  it('answers every exporting route with a workbook', async () => {
    const goal = await t.request('POST', '/goals', {
      token: t.adminToken,
      body: { name: '40万連合神奈川', targetMembers: 400000, baselineOn: '2025-04-01', targetOn: '2030-03-31', scope: {}, milestones: [] },
    });
    expect(goal.status).toBe(201);
    const prospect = await t.request('POST', '/prospects', {
      token: t.adminToken,
      body: { employerName: '株式会社みなと', regionalCouncilId: ids.A, estimatedWorkers: 120, source: 'outreach', stage: 'identified' },
    });
    expect(prospect.status).toBe(201);
    const company = await t.request('POST', '/companies', { token: t.adminToken, body: { name: '株式会社みなとホールディングス' } });
    expect(company.status).toBe(201);
    const queries: Record<string, string> = {
      '/reports/growth': '?from=2025-01&to=2025-12',
      '/reports/loss-causes': '?from=2025-01&to=2025-12',
      '/reports/net-change': '?from=2025-01&to=2025-12',
      '/reports/dues-projection': '?fiscalYear=2025',
      '/reports/organizer-activity': '?month=2025-06',
    };
    for (const route of EXPORT_ROUTES.paths()) {
      const path = route
        .replace(':id', route.startsWith('/goals') ? goal.body.id : prospect.body.id)
        .replace(':prospectId', prospect.body.id)
        .replace(':companyId', company.body.id);
      const sep = queries[route] ? '&' : '?';
      const file = await download(t, `${path}${queries[route] ?? ''}${sep}format=xlsx`, t.adminToken);
      expect({ route, status: file.status }).toEqual({ route, status: 200 });
      const { sheets } = await readWorkbook(file.bytes);
      expect(sheets.size).toBeGreaterThan(0);
      const [first] = sheets.values();
      expect({ route, header: first[0].some((h) => /[ぁ-んァ-ヶ一-龠]/.test(String(h))) }).toEqual({ route, header: true });
    }
  });
});
