import ExcelJS from 'exceljs';
import { corporateNumberCheckDigit } from '../../src/structure/companies/company-identity';
import { makeCouncil, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const COMPANY_HEADER: Cell[] = [
  '法人番号',
  'EDINETコード',
  '企業名',
  'フリガナ',
  '都道府県',
  '市区町村',
  '産業分類',
  '従業員数',
  '従業員数の時点',
  '従業員数の出典',
  '上場',
  '労組の状況',
  '他労組名',
];
const RELATION_HEADER: Cell[] = ['親会社', '子会社・関係会社', '関係', '議決権比率', '開始日', '終了日', '出典', '確度'];
const number = (base12: string): string => `${corporateNumberCheckDigit(base12)}${base12}`;
const toFullWidth = (digits: string): string => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('imports: companies and company-relations', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let staff: TestUser;
  const count = async (table: 'companies' | 'company_relations'): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const idOf = async (corporateNumber: string): Promise<string> =>
    (await t.db.query(`SELECT id FROM companies WHERE corporate_number = $1`, [corporateNumber]))[0].id;

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t, { municipalities: ['藤沢市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    worker = await startWorker(t, 'companies-imports-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('offers templates with Japanese headers for both kinds', async () => {
    for (const [kind, header] of [
      ['companies', COMPANY_HEADER],
      ['company-relations', RELATION_HEADER],
    ] as const) {
      const answer = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
      expect(answer.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ExcelJS.Buffer);
      expect((book.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(header);
      expect(book.getWorksheet('説明')).toBeDefined();
    }
  });

  it('imports companies keyed by 法人番号 (full-width too) or EDINET code, and updates a registered one', async () => {
    const file = await xlsxFile([
      COMPANY_HEADER,
      [
        toFullWidth(number('200000000001')),
        'E10001',
        '株式会社湘南ホールディングス',
        'しょうなんほーるでぃんぐす',
        '神奈川県',
        '藤沢市',
        '製造業',
        9000,
        '2025/3/31',
        '有価証券報告書',
        '上場',
        null,
        null,
      ],
      [number('200000000002'), null, '湘南物流㈱', null, '神奈川県', '藤沢市', 'H', null, null, null, '非上場', '労組なし（未組織）', null],
      [null, 'E10003', '湘南商事株式会社', null, '神奈川県', '横浜市', null, null, null, null, null, '他労組あり', '湘南商事ユニオン'],
    ]);
    const checked = await check(t, staff.token, 'companies', file, '企業.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 3, rowsValid: 3, errorCount: 0 });
    expect((await commit(t, staff.token, checked.id)).entry).toMatchObject({ state: 'committed', summary: { rows: 3, created: 3 } });
    const holding = (await t.request('GET', `/companies?q=${number('200000000001')}`, { token: staff.token })).body.items[0];
    expect(holding).toMatchObject({
      name: '株式会社湘南ホールディングス',
      nameKana: 'ショウナンホールディングス',
      edinetCode: 'E10001',
      industryCode: 'E',
      employees: { count: 9000, asOf: '2025-03-31', source: '有価証券報告書' },
      listed: true,
      status: 'unknown',
    });
    expect((await t.request('GET', `/companies?q=E10003`, { token: staff.token })).body.items[0]).toMatchObject({
      status: 'other_union',
      otherUnionName: '湘南商事ユニオン',
    });
    // the same key again updates the company; nothing new is registered
    const again = await check(
      t,
      staff.token,
      'companies',
      csvFile(
        [
          COMPANY_HEADER,
          [
            number('200000000001'),
            null,
            '株式会社湘南ホールディングス',
            null,
            '神奈川県',
            '藤沢市',
            'E',
            9100,
            '2026/3/31',
            '有価証券報告書（2026年3月期）',
            '上場',
            null,
            null,
          ],
        ],
        'cp932',
      ),
      '企業.csv',
    );
    expect(again).toMatchObject({ state: 'checked', errorCount: 0 });
    const before = await count('companies');
    await commit(t, staff.token, again.id);
    expect(await count('companies')).toBe(before);
    const updated = (await t.request('GET', `/companies?q=E10001`, { token: staff.token })).body.items[0];
    expect(updated).toMatchObject({ employees: { count: 9100, asOf: '2026-03-31' }, version: 2 });
  });

  it('reports a bad check digit, a repeated key and employees without their date as row errors, and writes nothing', async () => {
    const bad = number('300000000001').replace(/^./, (d) => String((Number(d) + 1) % 10));
    const file = await xlsxFile([
      COMPANY_HEADER,
      [bad, null, '株式会社チェック違い', null, null, null, null, null, null, null, null, null, null],
      [number('300000000002'), null, '株式会社一行目', null, null, null, null, null, null, null, null, null, null],
      [number('300000000002'), null, '株式会社二行目', null, null, null, null, null, null, null, null, null, null],
      [null, 'X123', '株式会社コード違い', null, null, null, null, 120, null, null, null, null, null],
    ]);
    const before = await count('companies');
    const checked = await check(t, staff.token, 'companies', file);
    expect(checked.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, '法人番号', 'CORPORATE_NUMBER_CHECK_DIGIT'],
      [4, '法人番号', 'COMPANY_KEY_REPEATED'],
      [5, 'EDINETコード', 'EDINET_CODE_INVALID'],
      [5, '従業員数', 'EMPLOYEES_WITHOUT_DATE'],
    ]);
    expect(checked.errors[0].message).toContain('チェックデジットが合いません');
    expect(checked.errors[1].message).toBe(`法人番号「${number('300000000002')}」は3行目と重複しています`);
    expect((await t.request('POST', `/imports/${checked.id}/commit`, { token: staff.token })).status).toBe(409);
    expect(await count('companies')).toBe(before);
  });

  it('imports relations by 法人番号 or EDINET code; an unknown key, a second controlling parent and a cycle are row errors', async () => {
    const file = await xlsxFile([
      RELATION_HEADER,
      [number('200000000001'), number('200000000002'), '連結子会社', 100, '2020/4/1', null, '有価証券報告書', '高'],
      ['E10001', 'E10003', '持分法適用関連会社', '25.5%', null, null, null, null],
    ]);
    const checked = await check(t, staff.token, 'company-relations', file, '関係会社.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsValid: 2, errorCount: 0 });
    expect((await commit(t, staff.token, checked.id)).entry).toMatchObject({ state: 'committed' });
    const relations = (await t.request('GET', `/company-relations?parentId=${await idOf(number('200000000001'))}`, { token: staff.token })).body.items;
    expect(relations.map((r) => [r.kind, r.votingShare]).sort()).toEqual([
      ['consolidated_subsidiary', 100],
      ['equity_affiliate', 25.5],
    ]);

    const before = await count('company_relations');
    const wrong = await xlsxFile([
      RELATION_HEADER,
      [number('200000000009'), number('200000000002'), '連結子会社', null, null, null, null, null],
      ['E10003', number('200000000002'), '親会社・子会社', null, null, null, null, null],
      [number('200000000002'), 'E10001', '持分法適用関連会社', null, null, null, null, null],
      ['E10003', 'E99999', '連結子会社', null, null, null, null, null],
      // two rows of the same file that together would close a cycle
      [number('200000000002'), 'E10003', 'その他の関係会社', null, null, null, null, null],
      ['E10003', number('200000000002'), 'その他の関係会社', null, null, null, null, null],
    ]);
    const refused = await check(t, staff.token, 'company-relations', wrong);
    expect(refused.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, '親会社', 'COMPANY_UNKNOWN'],
      [3, '子会社・関係会社', 'SECOND_CONTROLLING_PARENT'],
      [4, '親会社', 'RELATION_CYCLE'],
      [5, '子会社・関係会社', 'COMPANY_UNKNOWN'],
      [7, '親会社', 'RELATION_CYCLE'],
    ]);
    expect(refused.errors[1].message).toContain('親会社「株式会社湘南ホールディングス」');
    expect(refused.errors[2].message).toContain('循環');
    expect((await t.request('POST', `/imports/${refused.id}/commit`, { token: staff.token })).status).toBe(409);
    expect(await count('company_relations')).toBe(before);
  });

  it('refuses the whole commit when a relation written after the check closes a cycle', async () => {
    const file = await xlsxFile([RELATION_HEADER, [number('200000000002'), 'E10003', 'その他の関係会社', null, null, null, null, null]]);
    const checked = await check(t, staff.token, 'company-relations', file);
    expect(checked).toMatchObject({ state: 'checked', errorCount: 0 });
    const meanwhile = await t.request('POST', '/company-relations', {
      token: staff.token,
      body: {
        parentId: await idOf(number('200000000001')),
        childId: (await t.db.query(`SELECT id FROM companies WHERE edinet_code = 'E10003'`))[0].id,
        kind: 'other_related',
      },
    });
    expect(meanwhile.status).toBe(201);
    const fromStaging = await t.request('POST', '/company-relations', {
      token: staff.token,
      body: {
        parentId: (await t.db.query(`SELECT id FROM companies WHERE edinet_code = 'E10003'`))[0].id,
        childId: await idOf(number('200000000001')),
        kind: 'other_related',
      },
    });
    expect(fromStaging.status).toBe(400);
    const before = await count('company_relations');
    // E10003 → 湘南物流 closing the cycle after the check: make it so, then commit the file (湘南物流 → E10003)
    await t.db.query(
      `INSERT INTO company_relations (parent_id, child_id, kind) SELECT e.id, c.id, 'other_related' FROM companies e, companies c
                       WHERE e.edinet_code = 'E10003' AND c.corporate_number = $1`,
      [number('200000000002')],
    );
    const { entry } = await commit(t, staff.token, checked.id);
    expect(entry.state).toBe('failed');
    expect(await count('company_relations')).toBe(before + 1);
  });
});
