import ExcelJS from 'exceljs';
import { makeCouncil, makeFederation, makeSector, makeUnion, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, upload, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const UNION_HEADER: Cell[] = ['組合コード', '組合名', '構成組織コード', '地域連合コード', '事業主名', '市区町村', '加盟日', '状態', '組合種別'];
const PROSPECT_HEADER: Cell[] = [
  '事業主名',
  'フリガナ',
  '事業所名',
  '市区町村',
  '地域連合コード',
  '産業部門',
  '対象構成組織コード',
  '従業員数',
  '正社員数',
  'パート数',
  '有期雇用数',
  '派遣数',
  '経緯',
  '段階',
  '次回予定日',
  '担当オルガナイザー',
];

/** The header row of a downloaded template, as its cells' text. */
async function templateHeader(t: TestApp, kind: string): Promise<string[]> {
  const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
  expect(answer.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  expect(book.getWorksheet('説明')).toBeDefined();
  return (sheet.getRow(1).values as string[]).slice(1);
}

describe('imports: unions and prospects', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let officer: TestUser;
  let council: string;
  let federation: string;
  let other: string;
  const count = async (table: 'unions' | 'prospects' | 'prospect_stage_changes'): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await bootTestApp();
    council = await makeCouncil(t, { code: 'shonan', name: '湘南地域連合', municipalities: ['藤沢市', '茅ヶ崎市', '共有市'] });
    await makeCouncil(t, { code: 'yokohama', name: '横浜地域連合', municipalities: ['横浜市', '共有市'] });
    await makeSector(t, 'manufacturing');
    await t.db.query(`UPDATE sectors SET name = '製造業' WHERE code = 'manufacturing'`);
    federation = await makeFederation(t, { code: 'denki-rengo', name: '電機連合', sectorCode: 'manufacturing' });
    other = await makeFederation(t, { code: 'jam', name: 'ＪＡＭ' });
    const existing = await makeUnion(t, { regionalCouncilId: council, federationId: federation, name: '既存労働組合' });
    await t.db.query(`UPDATE unions SET code = 'kizon' WHERE id = $1`, [existing]);
    officer = await makeUser(t, 'federation', { federationId: federation });
    worker = await startWorker(t, 'imports-structure-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('imports a clean unions file (codes, names and labels) in one commit, and the API lists the unions with their fields', async () => {
    const file = await xlsxFile([
      UNION_HEADER,
      ['shoyo-seiki', '湘陽精機労働組合', 'denki-rengo', 'shonan', '株式会社湘陽精機', '藤沢市', '2026/4/1', '活動中', '企業別組合'],
      ['chigasaki-u', '茅ヶ崎ユニオン', null, '湘南地域連合', '茅ヶ崎地域', '茅ヶ崎市', null, null, '地域ユニオン・一般労組'],
      [null, '直加盟労働組合', null, 'shonan', '株式会社直加盟', null, '令和8年5月1日', 'active', 'direct'],
      ['jam-ichi', 'ＪＡＭ第一労働組合', 'ＪＡＭ', 'shonan', '株式会社ジャム', null, null, null, null],
    ]);
    const checked = await check(t, t.adminToken, 'unions', file, '組合一覧.xlsx');
    expect(checked).toMatchObject({ state: 'checked', kind: 'unions', rowsRead: 4, rowsValid: 4, errorCount: 0, summary: { rows: 4 } });
    const before = await count('unions');
    const { entry } = await commit(t, t.adminToken, checked.id);
    expect(entry).toMatchObject({ state: 'committed', summary: { rows: 4, created: 4 } });
    expect(await count('unions')).toBe(before + 4);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM import_records WHERE import_id = $1`, [checked.id])).toEqual([{ n: 0 }]);

    const listed = (await t.request('GET', `/unions?regionalCouncilId=${council}&limit=50`, { token: t.adminToken })).body.items;
    const byName = (name: string): any => listed.find((u: any) => u.name === name);
    expect(byName('湘陽精機労働組合')).toMatchObject({
      code: 'shoyo-seiki',
      federationId: federation,
      regionalCouncilId: council,
      employerName: '株式会社湘陽精機',
      municipality: '藤沢市',
      affiliatedOn: '2026-04-01',
      status: 'active',
      kind: 'enterprise',
    });
    expect(byName('茅ヶ崎ユニオン')).toMatchObject({ code: 'chigasaki-u', federationId: null, kind: 'general', municipality: '茅ヶ崎市' });
    expect(byName('直加盟労働組合')).toMatchObject({ code: null, federationId: null, kind: 'direct', affiliatedOn: '2026-05-01' });
    expect(byName('JAM第一労働組合')).toMatchObject({ code: 'jam-ichi', federationId: other, status: 'active', kind: 'enterprise' });
  });

  it('reports every bad unions row by Excel row, column and a Japanese message, and writes nothing', async () => {
    const file = await xlsxFile([
      UNION_HEADER,
      ['new-one', '新しい労働組合', 'denki-rengo', 'shonan', '株式会社新', null, null, null, null],
      ['new-one', '重複労働組合', 'denki-rengo', 'shonan', '株式会社重複', null, null, null, null],
      ['kizon', '既存と同じコード', 'denki-rengo', 'shonan', '株式会社既存', null, null, null, null],
      ['unknown-fed', '不明労働組合', 'no-such', 'shonan', '株式会社不明', null, null, null, null],
      ['bad-label', 'ラベル違い労働組合', 'denki-rengo', 'shonan', '株式会社ラベル', null, null, '休眠', null],
      ['UPPER', '大文字労働組合', 'denki-rengo', 'shonan', '株式会社大文字', null, null, null, null],
    ]);
    const before = await count('unions');
    const checked = await check(t, t.adminToken, 'unions', file);
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 6, rowsValid: 1, errorCount: 5 });
    expect(checked.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [3, '組合コード', 'new-one'],
      [4, '組合コード', 'kizon'],
      [5, '構成組織コード', 'no-such'],
      [6, '状態', '休眠'],
      [7, '組合コード', 'UPPER'],
    ]);
    const messages = checked.errors.map((e: any) => e.message);
    expect(messages[0]).toBe('組合コード「new-one」は2行目と重複しています');
    expect(messages[1]).toBe('組合コード「kizon」の組合はすでに登録されています');
    expect(messages[2]).toContain('構成組織「no-such」はありません');
    expect(messages[3]).toContain('状態「休眠」はありません');
    expect(messages[4]).toContain('半角英小文字');
    const refused = await t.request('POST', `/imports/${checked.id}/commit`, { token: t.adminToken });
    expect(refused.status).toBe(409);
    expect(await count('unions')).toBe(before);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM import_records WHERE import_id = $1`, [checked.id])).toEqual([{ n: 0 }]);
  });

  it('lets a federation officer register unions of their own federation only', async () => {
    const foreign = await xlsxFile([
      UNION_HEADER,
      ['own-fed', '自産別労働組合', 'denki-rengo', 'shonan', '株式会社自産別', null, null, null, null],
      ['other-fed', '他産別労働組合', 'jam', 'shonan', '株式会社他産別', null, null, null, null],
      ['no-fed', '直加盟の組合', null, 'shonan', '株式会社直', null, null, null, '直加盟'],
    ]);
    const refused = await check(t, officer.token, 'unions', foreign);
    expect(refused.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [3, '構成組織コード', 'jam'],
      [4, '構成組織コード', ''],
    ]);
    expect(refused.errors[0].message).toContain('あなたの構成組織の組合だけ');

    const own = await check(
      t,
      officer.token,
      'unions',
      await xlsxFile([UNION_HEADER, ['own-fed', '自産別労働組合', '電機連合', 'shonan', '株式会社自産別', null, null, null, null]]),
    );
    expect(own).toMatchObject({ state: 'checked', errorCount: 0 });
    const { entry } = await commit(t, officer.token, own.id);
    expect(entry).toMatchObject({ state: 'committed', summary: { created: 1 } });
    const mine = (await t.request('GET', `/unions?q=own-fed`, { token: officer.token })).body.items;
    expect(mine).toMatchObject([{ code: 'own-fed', federationId: federation }]);

    const prospects = await upload(t, officer.token, 'prospects', csvFile([PROSPECT_HEADER], 'utf8'), 'p.csv');
    expect(prospects.status).toBe(403);
  });

  it('writes nothing when a unions commit fails (a code taken after the check)', async () => {
    const file = await xlsxFile([
      UNION_HEADER,
      ['race-a', '競合A労働組合', 'denki-rengo', 'shonan', '株式会社A', null, null, null, null],
      ['race-b', '競合B労働組合', 'denki-rengo', 'shonan', '株式会社B', null, null, null, null],
    ]);
    const checked = await check(t, t.adminToken, 'unions', file);
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0 });
    const created = await t.request('POST', '/unions', {
      token: t.adminToken,
      body: { code: 'race-b', name: '先に登録した組合', regionalCouncilId: council, federationId: federation, employerName: '株式会社先' },
    });
    expect(created.status).toBe(201);
    const before = await count('unions');
    const { entry } = await commit(t, t.adminToken, checked.id);
    expect(entry.state).toBe('failed');
    expect(entry.failure).toContain('3行目の組合コード「race-b」');
    expect(entry.failure).toContain('何も書き込まれていません');
    expect(await count('unions')).toBe(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM unions WHERE code = 'race-a'`))[0].n).toBe(0);
  });

  it('imports a clean prospects file with each prospect’s initial stage history, as POST /prospects writes it', async () => {
    const file = csvFile(
      [
        PROSPECT_HEADER,
        [
          '株式会社みなと物流',
          'みなとぶつりゅう',
          '本牧倉庫',
          '横浜市',
          null,
          '製造業',
          'denki-rengo',
          '１２０',
          80,
          30,
          10,
          0,
          '労働相談から',
          '接触',
          '2026/5/1',
        ],
        ['藤沢ケア株式会社', null, null, '藤沢市', null, 'manufacturing', null, 45, null, null, null, null, 'referral', null, null],
        ['共有市の会社', null, null, '共有市', 'yokohama', null, null, 10, null, null, null, null, 'その他', '候補把握', null],
        ['市区町村なし株式会社', null, null, null, '湘南地域連合', null, null, 0, null, null, null, null, 'outreach', 'committee', null],
      ],
      'cp932',
    );
    const checked = await check(t, t.adminToken, 'prospects', file, '組織化対象.csv');
    expect(checked).toMatchObject({ state: 'checked', kind: 'prospects', rowsRead: 4, rowsValid: 4, errorCount: 0 });
    const [prospectsBefore, historyBefore] = [await count('prospects'), await count('prospect_stage_changes')];
    const { entry } = await commit(t, t.adminToken, checked.id);
    expect(entry).toMatchObject({ state: 'committed', summary: { created: 4 } });
    expect(await count('prospects')).toBe(prospectsBefore + 4);
    expect(await count('prospect_stage_changes')).toBe(historyBefore + 4);

    const listed = (await t.request('GET', '/prospects?limit=50', { token: t.adminToken })).body.items;
    const minato = listed.find((p: any) => p.employerName === '株式会社みなと物流')!;
    expect(minato).toMatchObject({
      employerNameKana: 'ミナトブツリュウ',
      establishmentName: '本牧倉庫',
      municipality: '横浜市',
      sectorCode: 'manufacturing',
      targetFederationId: federation,
      estimatedWorkers: 120,
      workforce: { regular: 80, partTime: 30, fixedTerm: 10, dispatch: 0 },
      source: 'consultation',
      stage: 'contacted',
      nextActionOn: '2026-05-01',
    });
    expect(listed.find((p: any) => p.employerName === '藤沢ケア株式会社')).toMatchObject({
      regionalCouncilId: council,
      stage: 'identified',
      source: 'referral',
      workforce: null,
    });
    expect(listed.find((p: any) => p.employerName === '市区町村なし株式会社')).toMatchObject({
      regionalCouncilId: council,
      municipality: null,
      stage: 'committee',
    });
    const rows = await t.db.query(`SELECT kind, from_stage, to_stage FROM prospect_stage_changes WHERE prospect_id = $1`, [minato.id]);
    expect(rows).toEqual([{ kind: 'created', from_stage: null, to_stage: 'contacted' }]);
  });

  it('reports bad prospects rows by Excel row and column in Japanese, and writes nothing', async () => {
    const file = await xlsxFile([
      PROSPECT_HEADER,
      ['良い会社', null, null, '藤沢市', null, null, null, 10, null, null, null, null, '紹介', null, null],
      ['不明な経緯', null, null, '藤沢市', null, null, null, 10, null, null, null, null, '飛び込み', null, null],
      ['共有市で地域連合なし', null, null, '共有市', null, null, null, 10, null, null, null, null, '紹介', null, null],
      ['加盟段階', null, null, '藤沢市', null, null, null, 10, null, null, null, null, '紹介', '加盟', null],
      ['内訳が半端', null, null, '藤沢市', null, null, null, 10, 5, null, 3, 2, '紹介', null, null],
      ['知らない市', null, null, '川崎市', null, '農業', null, -1, null, null, null, null, '紹介', null, null],
    ]);
    const before = await count('prospects');
    const checked = await check(t, t.adminToken, 'prospects', file);
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 6, rowsValid: 1 });
    expect(checked.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [3, '経緯', '飛び込み'],
      [4, '地域連合コード', ''],
      [5, '段階', '加盟'],
      [6, 'パート数', ''],
      [7, '市区町村', '川崎市'],
      [7, '産業部門', '農業'],
      [7, '従業員数', '-1'],
    ]);
    expect(checked.errors[0].message).toContain('経緯「飛び込み」はありません');
    expect(checked.errors[1].message).toContain('複数の地域連合');
    expect(checked.errors[2].message).toContain('段階「加盟」は新しい事業所には選べません');
    expect(checked.errors[6].message).toContain('0から1000000までの整数');
    expect((await t.request('POST', `/imports/${checked.id}/commit`, { token: t.adminToken })).status).toBe(409);
    expect(await count('prospects')).toBe(before);
  });

  it('serves templates whose headers re-import cleanly, as .xlsx (with drop-downs) and CSV', async () => {
    for (const [kind, row] of [
      ['unions', { 組合コード: 'tmpl-u', 組合名: 'テンプレート労働組合', 地域連合コード: 'shonan', 事業主名: '株式会社テンプレート', 状態: '活動中' }],
      ['prospects', { 事業主名: 'テンプレート株式会社', 市区町村: '藤沢市', 従業員数: 5, 経緯: 'その他' }],
    ] as const) {
      const header = await templateHeader(t, kind);
      expect(header).toEqual(kind === 'unions' ? UNION_HEADER : PROSPECT_HEADER);
      const values = header.map((h) => (row as Record<string, Cell>)[h] ?? null);
      const checked = await check(t, t.adminToken, kind, await xlsxFile([header, values]));
      expect(checked).toMatchObject({ state: 'checked', rowsValid: 1, errorCount: 0 });

      const csv = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}?format=csv`, { headers: { authorization: `Bearer ${t.adminToken}` } });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect((await csv.text()).replace('\ufeff', '').trim().split(',')).toEqual(header);
    }
    const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/prospects`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const validations = (book.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toEqual(expect.arrayContaining([expect.stringContaining('一覧!')]));
  });

  it('checks and commits files of thousands of rows whole, in one transaction each', async () => {
    const unionRows: Cell[][] = [UNION_HEADER];
    for (let i = 0; i < 5000; i++)
      unionRows.push([`bulk-${i}`, `一括${i}労働組合`, i % 2 ? 'denki-rengo' : 'ＪＡＭ', 'shonan', `株式会社一括${i}`, '藤沢市', null, '活動中', null]);
    const unions = await check(t, t.adminToken, 'unions', await xlsxFile(unionRows), 'bulk-unions.xlsx');
    expect(unions).toMatchObject({ state: 'checked', rowsRead: 5000, rowsValid: 5000, errorCount: 0 });
    const before = await count('unions');
    expect((await commit(t, t.adminToken, unions.id)).entry).toMatchObject({ state: 'committed', summary: { created: 5000 } });
    expect(await count('unions')).toBe(before + 5000);

    const prospectRows: Cell[][] = [PROSPECT_HEADER];
    for (let i = 0; i < 5000; i++)
      prospectRows.push([`一括事業所${i}`, null, null, '茅ヶ崎市', null, null, null, i, null, null, null, null, 'outreach', null, null]);
    const prospects = await check(t, t.adminToken, 'prospects', csvFile(prospectRows, 'cp932'), 'bulk-prospects.csv');
    expect(prospects).toMatchObject({ state: 'checked', rowsRead: 5000, rowsValid: 5000, errorCount: 0 });
    const history = await count('prospect_stage_changes');
    expect((await commit(t, t.adminToken, prospects.id)).entry).toMatchObject({ state: 'committed', summary: { created: 5000 } });
    expect(await count('prospect_stage_changes')).toBe(history + 5000);
  });

  it('accepts the English field names as headers', async () => {
    const file = csvFile(
      [
        ['code', 'name', 'federationCode', 'regionalCouncilCode', 'employerName', 'status', 'kind'],
        ['english-u', 'English Union', 'denki-rengo', 'shonan', 'English Co.', 'active', 'enterprise'],
      ],
      'utf8-bom',
    );
    expect(await check(t, t.adminToken, 'unions', file, 'unions.csv')).toMatchObject({ state: 'checked', rowsValid: 1, errorCount: 0 });
  });

  it('refuses the template as downloaded: its example row (a real municipality here) is not registered by mistake', async () => {
    const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/prospects`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    const template = Buffer.from(await answer.arrayBuffer());
    const before = await count('prospects');
    const checked = await check(t, t.adminToken, 'prospects', template, 'ひな形そのまま.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 1, rowsValid: 0, errorCount: 1 });
    expect(checked.errors).toEqual([
      {
        row: 2,
        column: '事業主名',
        value: '株式会社みなと物流',
        code: 'TEMPLATE_EXAMPLE_ROW',
        message: 'ひな形の記入例の行です。この行を消してから、もう一度「検証」してください',
      },
    ]);
    expect((await commit(t, t.adminToken, checked.id)).answer.status).toBe(409);
    expect(await count('prospects')).toBe(before);
  });
});
