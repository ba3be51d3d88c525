import ExcelJS from 'exceljs';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, upload, uploadStatus, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, outboxSize, startWorker, waitFor } from '../support/worker-process';

const HEADER: Cell[] = ['組合コード', '組合名', '発効日', '増減数', '事由', '雇用形態', '性別', '備考'];

describe('imports: membership changes', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let officer: TestUser;
  const unions: Record<string, string> = {};
  const ledgerCount = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n;
  const outboxCount = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM aggregation_outbox`))[0].n;
  const members = async (unionId: string): Promise<number> => (await t.request('GET', `/unions/${unionId}`, { token: t.adminToken })).body.currentMembers;

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t);
    const federation = await makeFederation(t);
    const other = await makeFederation(t);
    const add = async (key: string, code: string, name: string, federationId = federation): Promise<void> => {
      unions[key] = await makeUnion(t, { regionalCouncilId: council, federationId, name });
      await t.db.query(`UPDATE unions SET code = $1 WHERE id = $2`, [code, unions[key]]);
    };
    await add('denki', 'IMP-001', '神奈川電機労働組合');
    await add('minato', 'IMP-002', 'みなと交通労働組合');
    await add('kyowa1', 'IMP-003', '共和労働組合');
    await add('kyowa2', 'IMP-004', '共和労働組合');
    await add('outside', 'IMP-900', '他産別労働組合', other);
    officer = await makeUser(t, 'federation', { federationId: federation });
    worker = await startWorker(t, 'imports-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('reads a clean .xlsx (date cells, serials, era dates, full-width digits, labels and codes), commits it once and the reports count it once', async () => {
    const file = await xlsxFile([
      HEADER,
      ['IMP-001', null, new Date(Date.UTC(2026, 3, 1)), 12, '新規採用者の加入', '正社員', '女性', '4月入社'],
      [null, 'みなと交通労働組合', '令和8年4月15日', '１２', '転入', 'パートタイム', '男性', null],
      ['ＩＭＰ－００１', null, '2026/5/1', '－３', '自己都合退職', 'regular', null, null],
      ['IMP-002', null, 46149, -2, 'retirement', 'fixed_term', 'unspecified', null],
    ]);
    const checked = await check(t, t.adminToken, 'membership-changes', file, '4月分.xlsx');
    expect(checked).toMatchObject({
      state: 'checked',
      kind: 'membership-changes',
      fileName: '4月分.xlsx',
      rowsRead: 4,
      rowsValid: 4,
      errorCount: 0,
      errors: [],
    });
    expect(checked.summary).toEqual({ rows: 4, unions: 2, increase: 24, decrease: 5, net: 19 });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = await ledgerCount();
    const { answer, entry } = await commit(t, t.adminToken, checked.id);
    expect(answer.body).toEqual({ id: checked.id, state: 'committing' });
    expect(entry).toMatchObject({ state: 'committed', summary: { ledgerRows: 4 } });
    expect(entry.committedAt).toEqual(expect.any(String));
    expect(await ledgerCount()).toBe(before + 4);

    const rows = await t.request('GET', `/membership-changes?importId=${checked.id}&limit=10`, { token: t.adminToken });
    expect(rows.body.total).toBe(4);
    const byDay = rows.body.items.map((c: any) => [c.effectiveOn, c.delta, c.cause, c.employmentType, c.gender]).sort();
    expect(byDay).toEqual([
      ['2026-04-01', 12, 'new_hire', 'regular', 'female'],
      ['2026-04-15', 12, 'transfer_in', 'part_time', 'male'],
      ['2026-05-01', -3, 'resignation', 'regular', 'unspecified'],
      ['2026-05-07', -2, 'retirement', 'fixed_term', 'unspecified'],
    ]);
    const sources = await t.db.query(`SELECT DISTINCT source FROM membership_changes WHERE import_id = $1`, [checked.id]);
    expect(sources).toEqual([{ source: 'import' }]);

    await waitFor('the outbox to be applied', async () => (await outboxSize(t)) === 0);
    expect([await members(unions.denki), await members(unions.minato)]).toEqual([9, 10]);
    const invariants = await t.request('GET', '/admin/invariants', { token: t.adminToken });
    expect(invariants.body).toMatchObject({ ok: true, mismatches: [] });

    const list = await t.request('GET', '/imports?kind=membership-changes', { token: t.adminToken });
    expect(list.body.items.map((i: any) => i.id)).toContain(checked.id);
    expect(list.body).toMatchObject({ limit: 50, offset: 0 });
  });

  it('reads every Japanese cell of a long sheet whole (characters split across the zip stream’s chunks included)', async () => {
    const rows: Cell[][] = [HEADER];
    for (let i = 0; i < 6000; i++)
      rows.push([
        null,
        i % 2 ? 'みなと交通労働組合' : '神奈川電機労働組合',
        '2026-03-01',
        1,
        '非正規労働者の組合加入',
        'パートタイム',
        '女性',
        `備考${i}：ａｂｃ`,
      ]);
    const checked = await check(t, t.adminToken, 'membership-changes', await xlsxFile(rows), 'long.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 6000, rowsValid: 6000, errorCount: 0 });
  });

  it('lists every bad row by the row number Excel shows, the column and a Japanese message, and refuses to commit it', async () => {
    const file = await xlsxFile([
      HEADER,
      ['IMP-001', null, '2026-04-01', 5, '定年退職', '正社員', null, null],
      ['NOPE-1', null, '2026-04-01', 1, '転入', '正社員', null, null],
      [null, '共和労働組合', '2026-04-01', 1, '転入', '正社員', null, null],
      ['IMP-001', null, '2026-02-30', 1, '転入', '正社員', null, null],
      [],
      ['IMP-001', null, '2026-04-01', 1, '転勤', '正社員', null, null],
      ['IMP-002', null, '2026-04-01', 1, '転入', '正社員', '女性', '問題なし'],
    ]);
    const checked = await check(t, t.adminToken, 'membership-changes', file);
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 6, rowsValid: 1, errorCount: 5 });
    expect(checked.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [2, '増減数', '5'],
      [3, '組合コード', 'NOPE-1'],
      [4, '組合名', '共和労働組合'],
      [5, '発効日', '2026-02-30'],
      [7, '事由', '転勤'],
    ]);
    const messages = checked.errors.map((e: any) => e.message);
    expect(messages[0]).toContain('減少の事由');
    expect(messages[1]).toContain('ありません');
    expect(messages[2]).toContain('IMP-003');
    expect(messages[2]).toContain('IMP-004');
    expect(messages[3]).toBe('存在しない日付です');
    expect(messages[4]).toContain('事由「転勤」はありません');
    // each problem names itself by a stable code beside its Japanese message
    expect(checked.errors.map((e: any) => e.code)).toEqual([
      'DELTA_POSITIVE_FOR_DECREASE',
      'UNION_UNKNOWN',
      'UNION_NAME_AMBIGUOUS',
      'DATE_DOES_NOT_EXIST',
      'CODE_UNKNOWN',
    ]);

    const before = await ledgerCount();
    const refused = await t.request('POST', `/imports/${checked.id}/commit`, { token: t.adminToken });
    expect(refused.status).toBe(409);
    expect(refused.body.code ?? refused.body.message).toBeDefined();
    expect(await ledgerCount()).toBe(before);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [checked.id])).toEqual([{ n: 0 }]);
  });

  it('rejects a file with a missing or an extra column, listing the expected headers', async () => {
    const missing = await check(
      t,
      t.adminToken,
      'membership-changes',
      await xlsxFile([
        ['組合コード', '発効日', '増減数', '雇用形態'],
        ['IMP-001', '2026-04-01', 1, '正社員'],
      ]),
    );
    expect(missing).toMatchObject({ state: 'rejected', rowsRead: 0 });
    expect(missing.errors).toHaveLength(1);
    expect(missing.errors[0]).toMatchObject({ row: 1 });
    expect(missing.errors[0].message).toContain('見出し「事由」がありません');
    expect(missing.errors[0].code).toBe('HEADER_MISSING');
    expect(missing.errors[0].message).toContain('組合コード、組合名、発効日、増減数、事由、雇用形態、性別、備考');

    const extra = await check(
      t,
      t.adminToken,
      'membership-changes',
      await xlsxFile([
        [...HEADER, '部署'],
        ['IMP-001', null, '2026-04-01', 1, '転入', '正社員', null, null, '総務'],
      ]),
    );
    expect(extra.state).toBe('rejected');
    expect(extra.errors).toEqual([expect.objectContaining({ row: 1, column: 'I', value: '部署' })]);
    expect(extra.errors[0].message).toContain('見出し「部署」は使えません');
    expect(extra.errors[0].code).toBe('HEADER_UNKNOWN');

    const english = await check(
      t,
      t.adminToken,
      'membership-changes',
      await xlsxFile([
        ['unionCode', 'effectiveOn', 'delta', 'cause', 'employmentType'],
        ['IMP-002', '2026-04-02', 1, 'transfer_in', 'regular'],
      ]),
    );
    expect(english).toMatchObject({ state: 'checked', rowsValid: 1, errorCount: 0 });

    const unreadable = await check(t, t.adminToken, 'membership-changes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'broken.xlsx');
    expect(unreadable.state).toBe('rejected');
    expect(unreadable.errors[0].message).toContain('ファイルを読めませんでした');
    expect(unreadable.errors[0].code).toBe('FILE_UNREADABLE');
  });

  it('reads Shift_JIS CSV saved by Japanese Excel and UTF-8 CSV with a BOM alike', async () => {
    const rows: Cell[][] = [
      ['組合名', '発効日', '増減数', '事由', '雇用形態', '性別', '備考'],
      ['神奈川電機労働組合', '2026/6/1', '７', '新規組織化(結成・加盟)', '有期契約', '女性', '横浜工場で「結成」'],
      ['みなと交通労働組合', '平成31年4月1日', '-1', '死亡', '正社員', '男性', ''],
    ];
    const sjis = await check(t, officer.token, 'membership-changes', csvFile(rows, 'cp932'), '増減_SJIS.csv');
    expect(sjis).toMatchObject({ state: 'checked', rowsRead: 2, rowsValid: 2, errorCount: 0, summary: { rows: 2, increase: 7, decrease: 1 } });
    const bom = await check(t, officer.token, 'membership-changes', csvFile(rows, 'utf8-bom'), '増減_UTF8.csv');
    expect(bom).toMatchObject({ state: 'checked', rowsValid: 2, errorCount: 0 });
    expect(bom.sha256).not.toBe(sjis.sha256);

    const { entry } = await commit(t, officer.token, sjis.id);
    expect(entry.state).toBe('committed');
    const notes = await t.db.query(`SELECT note, effective_on::text AS day FROM membership_changes WHERE import_id = $1 ORDER BY effective_on`, [sjis.id]);
    expect(notes).toEqual([
      { note: null, day: '2019-04-01' },
      { note: '横浜工場で「結成」', day: '2026-06-01' },
    ]);
  });

  it('refuses a federation officer row naming another federation’s union, on that row', async () => {
    const file = csvFile(
      [
        ['組合コード', '発効日', '増減数', '事由', '雇用形態'],
        ['IMP-001', '2026-07-01', 1, '転入', '正社員'],
        ['IMP-900', '2026-07-01', 1, '転入', '正社員'],
      ],
      'utf8',
    );
    const checked = await check(t, officer.token, 'membership-changes', file, 'scope.csv');
    expect(checked).toMatchObject({ state: 'checked', rowsValid: 1, errorCount: 1 });
    expect(checked.errors).toEqual([
      { row: 3, column: '組合コード', value: 'IMP-900', code: 'UNION_OUTSIDE_SCOPE', message: '「IMP-900」はあなたの構成組織の組合ではないため取り込めません' },
    ]);
    const admin = await check(t, t.adminToken, 'membership-changes', file, 'scope.csv');
    expect(admin).toMatchObject({ state: 'checked', errorCount: 0 });
    // the officer sees their own imports only
    const mine = await t.request('GET', '/imports?limit=500', { token: officer.token });
    expect(mine.body.items.map((i: any) => i.id)).not.toContain(admin.id);
    expect((await t.request('GET', `/imports/${admin.id}`, { token: officer.token })).status).toBe(404);
  });

  it('commits the same file once: a second import of it is 409 naming the first; the same Idempotency-Key answers the first result', async () => {
    const file = await xlsxFile([HEADER, ['IMP-002', null, '2026-08-01', 4, '転入', '正社員', null, '同じファイル']]);
    const first = await check(t, t.adminToken, 'membership-changes', file, 'same.xlsx');
    const key = { 'Idempotency-Key': `commit-${first.id}` };
    const { answer, entry } = await commit(t, t.adminToken, first.id, key);
    expect(entry.state).toBe('committed');
    const replay = await t.request('POST', `/imports/${first.id}/commit`, { token: t.adminToken, headers: key });
    expect([replay.status, replay.body]).toEqual([202, answer.body]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM membership_changes WHERE import_id = $1`, [first.id])).toEqual([{ n: 1 }]);

    const second = await check(t, t.adminToken, 'membership-changes', file, 'same-again.xlsx');
    expect(second.sha256).toBe(first.sha256);
    const before = await ledgerCount();
    const refused = await t.request('POST', `/imports/${second.id}/commit`, { token: t.adminToken });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(first.id);
    expect(refused.body.details).toEqual([{ field: 'importId', code: 'IMPORT_ALREADY_COMMITTED', message: first.id }]);
    expect(await ledgerCount()).toBe(before);
  });

  it('leaves nothing written when the commit fails on the last row', async () => {
    // a constraint only this test adds: the ledger refuses the last row's note
    await t.db.query(`ALTER TABLE membership_changes ADD CONSTRAINT test_refuse_last_row CHECK (note IS DISTINCT FROM 'この行で失敗') NOT VALID`);
    try {
      const rows: Cell[][] = [HEADER];
      for (let i = 0; i < 500; i++) rows.push(['IMP-001', null, '2026-09-01', 1, '転入', '正社員', null, `行${i}`]);
      rows.push(['IMP-001', null, '2026-09-01', 1, '転入', '正社員', null, 'この行で失敗']);
      const checked = await check(t, t.adminToken, 'membership-changes', await xlsxFile(rows), 'fails.xlsx');
      expect(checked).toMatchObject({ state: 'checked', rowsValid: 501, errorCount: 0 });
      const [ledger, outbox] = [await ledgerCount(), await outboxCount()];
      const { entry } = await commit(t, t.adminToken, checked.id);
      expect(entry.state).toBe('failed');
      expect(entry.failure).toContain('何も書き込まれていません');
      expect(entry.committedAt).toBeNull();
      expect(await ledgerCount()).toBe(ledger);
      expect(await outboxCount()).toBeLessThanOrEqual(outbox);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM membership_changes WHERE import_id = $1`, [checked.id])).toEqual([{ n: 0 }]);
    } finally {
      await t.db.query(`ALTER TABLE membership_changes DROP CONSTRAINT test_refuse_last_row`);
    }
  });

  it('reverses a committed import as a whole, once, and links the reversals to it', async () => {
    const file = await xlsxFile([
      HEADER,
      ['IMP-002', null, '2026-10-01', 6, '転入', '正社員', null, null],
      ['IMP-002', null, '2026-10-02', -2, '脱退', '正社員', null, null],
    ]);
    const checked = await check(t, t.adminToken, 'membership-changes', file, 'reverse.xlsx');
    await commit(t, t.adminToken, checked.id);
    const reversed = await t.request('POST', `/imports/${checked.id}/reverse`, { token: t.adminToken, body: { reason: '別の組合の数字でした' } });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ id: checked.id, state: 'committed', reversalReason: '別の組合の数字でした' });
    const rows = await t.db.query(
      `SELECT source, sum(delta)::int AS net, count(*)::int AS n FROM membership_changes WHERE import_id = $1 GROUP BY 1 ORDER BY 1`,
      [checked.id],
    );
    expect(rows).toEqual([
      { source: 'import', net: 4, n: 2 },
      { source: 'reversal', net: -4, n: 2 },
    ]);
    const again = await t.request('POST', `/imports/${checked.id}/reverse`, { token: t.adminToken, body: { reason: 'もう一度' } });
    expect(again.status).toBe(409);
    await waitFor('the outbox to be applied', async () => (await outboxSize(t)) === 0);
    const invariants = await t.request('GET', '/admin/invariants', { token: t.adminToken });
    expect(invariants.body.ok).toBe(true);
  });

  it('answers 400 at once for an unknown kind, and 413 for a file over 100 MB', async () => {
    const unknown = await upload(t, t.adminToken, 'members', Buffer.from('a,b\r\n'), 'x.csv');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    expect(await uploadStatus(t, t.adminToken, 100 * 1024 * 1024 + 1)).toBe(413);
    const regional = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
    expect((await upload(t, regional.token, 'membership-changes', Buffer.from('a'), 'x.csv')).status).toBe(403);
  });

  it('gives a template: Japanese headers, an example row, drop-down lists and a 説明 sheet; the CSV header row with a BOM', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/membership-changes`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('組合員数増減_取込テンプレート.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const data = book.worksheets[0];
    expect((data.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    expect(data.getCell('E2').value).toBe('新規採用者の加入');
    expect(data.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['一覧!$A$2:$A$17'] });
    expect(book.getWorksheet('説明')?.getCell('A2').value).toBe('組合コード');
    expect(book.getWorksheet('一覧')?.getCell('A2').value).toBe('新規採用者の加入');

    // the template, filled in, is a file the import reads
    data.getCell('A2').value = 'IMP-001';
    const filled = await check(t, t.adminToken, 'membership-changes', Buffer.from(await book.xlsx.writeBuffer()), 'template.xlsx');
    expect(filled).toMatchObject({ state: 'checked', rowsValid: 1, errorCount: 0 });

    const csv = await fetch(`${t.baseUrl}/api/v1/imports/templates/membership-survey?format=csv`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe('\ufeff組合コード,組合名,調査日,雇用形態,性別,人数\r\n');
  });
});
