import ExcelJS from 'exceljs';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const HEADER: Cell[] = ['組織区分', '組織コード', '機関', '機関名', '年度', '定数', '女性', '男性', '不明', '女性枠'];

describe('imports: governance compositions (機関の男女別構成)', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let officer: TestUser;
  let federation: string;
  let council: string;
  let union: string;
  const compositions = async () =>
    t.db.query(
      `SELECT b.organization_kind AS org, b.kind, b.name, g.fiscal_year AS year, g.seats, g.women, g.men, g.unspecified, g.women_quota AS quota
         FROM governance_compositions g JOIN governance_bodies b ON b.id = g.body_id ORDER BY b.organization_kind, b.kind, g.fiscal_year`,
    );

  beforeAll(async () => {
    t = await bootTestApp();
    federation = await makeFederation(t, { code: 'denki-rengo', name: '電機連合' });
    await makeFederation(t, { code: 'jam', name: 'JAM' });
    council = await makeCouncil(t, { code: 'shonan', name: '湘南地域連合' });
    union = await makeUnion(t, { regionalCouncilId: council, federationId: federation, name: '湘陽精機労働組合' });
    await t.db.query(`UPDATE unions SET code = 'shoyo' WHERE id = $1`, [union]);
    officer = await makeUser(t, 'federation', { federationId: federation });
    worker = await startWorker(t, 'governance-import-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('offers a template with Japanese headers and the lists of organization and body kinds', async () => {
    const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/governance-compositions`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(answer.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect((book.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    expect(book.getWorksheet('説明')).toBeDefined();
    const csv = await fetch(`${t.baseUrl}/api/v1/imports/templates/governance-compositions?format=csv`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect((await csv.text()).replace(/^\uFEFF/, '').trim()).toBe(HEADER.join(','));
  });

  it('names each problem by row and column in Japanese, and a file with problems cannot be committed', async () => {
    const file = await xlsxFile([
      HEADER,
      ['構成組織', 'denki-rengo', '執行委員会', null, '2026', 20, 6, 13, 0, 'あり'],
      ['構成組織', 'denki-rengo', '執行委員会', null, '2026年度', 20, 6, 14, 0, null],
      ['地域連合', 'nowhere', '三役', null, 2026, 4, 1, 3, null, null],
      ['連合神奈川', null, '理事会', null, 2026, 4, 1, 3, null, null],
      ['組合', 'shoyo', '執行委員会', null, '昨年', 10, 2, 8, null, 'たぶん'],
    ]);
    const checked = await check(t, t.adminToken, 'governance-compositions', file, '構成.xlsx');
    expect(checked.state).toBe('checked');
    expect(checked.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, '定数', 'COUNTS_DO_NOT_SUM'],
      [3, '年度', 'COMPOSITION_REPEATED'],
      [4, '組織コード', 'REFERENCE_UNKNOWN'],
      [5, '機関', 'CODE_UNKNOWN'],
      [6, '年度', 'FISCAL_YEAR_INVALID'],
      [6, '女性枠', 'YES_NO_UNREADABLE'],
    ]);
    expect(checked.errors[0].message).toBe('女性・男性・不明の合計(19人)が定数(20人)と一致しません');
    expect(checked.errors[1].message).toContain('2行目');
    const refused = await t.request('POST', `/imports/${checked.id}/commit`, { token: t.adminToken });
    expect(refused.status).toBe(409);
    expect(await compositions()).toEqual([]);
  });

  it('holds a federation officer to their federation and its unions', async () => {
    const file = csvFile(
      [
        HEADER,
        ['構成組織', 'JAM', '執行委員会', null, 2026, 10, 3, 7, 0, 'なし'],
        ['連合神奈川', null, '執行委員会', null, 2026, 10, 3, 7, 0, null],
        ['組合', 'shoyo', '執行委員会', null, 2026, 10, 3, 7, 0, null],
      ],
      'cp932',
    );
    const checked = await check(t, officer.token, 'governance-compositions', file, '構成.csv');
    expect(checked.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, '組織コード', 'ORGANIZATION_OUTSIDE_SCOPE'],
      [3, '組織区分', 'ORGANIZATION_OUTSIDE_SCOPE'],
    ]);
  });

  it('commits a clean file all at once: bodies made when missing, a year already recorded replaced, audited', async () => {
    const { body: existing } = await t.request('POST', '/governance-bodies', {
      token: t.adminToken,
      body: { organization: { kind: 'federation', id: federation }, kind: 'executive_committee', name: '執行委員会' },
    });
    await t.request('PUT', `/governance-bodies/${existing.id}/compositions/2025`, {
      token: t.adminToken,
      body: { seats: 20, women: 2, men: 18, unspecified: 0, womenQuota: false },
    });
    const file = csvFile(
      [
        HEADER,
        ['構成組織', '電機連合', '執行委員会', null, 2025, 20, 5, 15, 0, 'あり'],
        ['構成組織', 'denki-rengo', '執行委員会', null, '令和8年度', '２０', '６', '１３', '１', 'あり'],
        ['構成組織', 'denki-rengo', '三役', null, 2026, 4, 0, 4, null, null],
        ['組合', 'shoyo', '大会代議員', '定期大会代議員', 2026, 100, 30, 68, 2, 'なし'],
      ],
      'utf8-bom',
    );
    const checked = await check(t, officer.token, 'governance-compositions', file, '電機連合_構成.csv');
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0, rowsValid: 4, summary: { rows: 4 } });
    const { entry } = await commit(t, officer.token, checked.id);
    expect(entry).toMatchObject({ state: 'committed' });
    expect(await compositions()).toEqual([
      { org: 'federation', kind: 'executive_committee', name: '執行委員会', year: 2025, seats: 20, women: 5, men: 15, unspecified: 0, quota: true },
      { org: 'federation', kind: 'executive_committee', name: '執行委員会', year: 2026, seats: 20, women: 6, men: 13, unspecified: 1, quota: true },
      { org: 'federation', kind: 'top_officers', name: '三役', year: 2026, seats: 4, women: 0, men: 4, unspecified: 0, quota: false },
      { org: 'union', kind: 'convention_delegates', name: '定期大会代議員', year: 2026, seats: 100, women: 30, men: 68, unspecified: 2, quota: false },
    ]);
    // the existing body took the rows; one executive committee only
    expect((await t.db.query(`SELECT count(*)::int AS n FROM governance_bodies WHERE kind = 'executive_committee'`))[0].n).toBe(1);
    const events = await t.db.query(`SELECT action, actor_id FROM audit_events WHERE action LIKE 'governance_%' AND actor_id = $1 ORDER BY occurred_at, id`, [
      officer.id,
    ]);
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(
      [
        'governance_body.created',
        'governance_body.created',
        'governance_composition.recorded',
        'governance_composition.recorded',
        'governance_composition.recorded',
        'governance_composition.replaced',
      ].sort(),
    );
    // the report reads them at once
    const report = (await t.request('GET', '/reports/gender-participation?fiscalYear=2026', { token: officer.token })).body;
    expect(report.organizations[0]).toMatchObject({ id: federation, executiveSeats: 20, executiveWomen: 6, womenQuota: true });
  });

  it('is all or nothing: a union that left the officer’s federation after the check fails the commit and writes no row', async () => {
    const before = await compositions();
    const file = csvFile(
      [HEADER, ['構成組織', 'denki-rengo', '女性委員会', null, 2026, 12, 12, 0, 0, null], ['組合', 'shoyo', '三役', null, 2026, 3, 1, 2, 0, null]],
      'utf8',
    );
    const checked = await check(t, officer.token, 'governance-compositions', file, '後から移った組合.csv');
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0 });
    const [{ id: jam }] = await t.db.query(`SELECT id FROM federations WHERE code = 'jam'`);
    await t.db.query(`UPDATE unions SET federation_id = $1 WHERE id = $2`, [jam, union]);
    const { entry } = await commit(t, officer.token, checked.id);
    expect(entry).toMatchObject({ state: 'failed' });
    expect(JSON.stringify(entry)).toContain('3行目');
    expect(await compositions()).toEqual(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM governance_bodies WHERE kind = 'women_committee'`))[0].n).toBe(0);
    await t.db.query(`UPDATE unions SET federation_id = $1 WHERE id = $2`, [federation, union]);
  });
});
