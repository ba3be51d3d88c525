import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, csvFile, xlsxFile } from '../support/imports';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, outboxSize, startWorker, waitFor } from '../support/worker-process';

const HEADER: Cell[] = ['組合コード', '調査日', '雇用形態', '性別', '人数'];

describe('imports: the annual membership survey', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const unions: Record<string, string> = {};
  const adjustments = async (unionId: string): Promise<[string, string, number][]> =>
    (
      await t.db.query(`SELECT employment_type, gender, delta FROM membership_changes WHERE union_id = $1 AND cause = 'survey_adjustment' ORDER BY 1, 2`, [
        unionId,
      ])
    ).map((r: any) => [r.employment_type, r.gender, r.delta]);

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t);
    const federation = await makeFederation(t);
    for (const [key, code] of [
      ['byApi', 'SV-1'],
      ['byFile', 'SV-2'],
      ['second', 'SV-3'],
    ]) {
      unions[key] = await makeUnion(t, { regionalCouncilId: council, federationId: federation });
      await t.db.query(`UPDATE unions SET code = $1 WHERE id = $2`, [code, unions[key]]);
    }
    // the twins byApi and byFile have the same ledger
    const items = [unions.byApi, unions.byFile, unions.second].flatMap((unionId) => [
      { unionId, effectiveOn: '2026-01-10', delta: 100, cause: 'transfer_in', employmentType: 'regular', gender: 'male' },
      { unionId, effectiveOn: '2026-02-01', delta: 30, cause: 'transfer_in', employmentType: 'part_time', gender: 'female' },
      { unionId, effectiveOn: '2026-03-01', delta: 5, cause: 'transfer_in', employmentType: 'fixed_term', gender: 'unspecified' },
    ]);
    expect((await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items } })).status).toBe(201);
    worker = await startWorker(t, 'survey-import-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('writes, per union of the file, exactly the adjustments POST /membership-surveys writes, and the reports count them once', async () => {
    const counts = [
      { employmentType: 'regular', gender: 'male', members: 96 },
      { employmentType: 'part_time', gender: 'female', members: 30 },
      { employmentType: 'dispatch', gender: 'female', members: 2 },
    ];
    const byApi = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: { unionId: unions.byApi, surveyedOn: '2026-06-30', counts } });
    expect(byApi.status).toBe(201);

    const file = await xlsxFile([
      HEADER,
      ['SV-2', '2026/6/30', '正社員', '男性', 96],
      ['SV-2', '令和8年6月30日', 'パートタイム', '女性', '３０'],
      ['SV-2', '2026-06-30', '派遣', '女性', 2],
      ['SV-3', '2026-06-30', 'regular', 'male', 100],
    ]);
    const checked = await check(t, t.adminToken, 'membership-survey', file, '組合員数調査.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 4, rowsValid: 4, errorCount: 0, summary: { rows: 4, surveys: 2, members: 228 } });
    const { entry } = await commit(t, t.adminToken, checked.id);
    expect(entry).toMatchObject({ state: 'committed', summary: { ledgerRows: 5 } });

    const expected = byApi.body.adjustments.map((a: any) => [a.employmentType, a.gender, a.delta]);
    expect(expected).toEqual([
      ['dispatch', 'female', 2],
      ['fixed_term', 'unspecified', -5],
      ['regular', 'male', -4],
    ]);
    expect(await adjustments(unions.byFile)).toEqual(expected);
    expect(await adjustments(unions.second)).toEqual([
      ['fixed_term', 'unspecified', -5],
      ['part_time', 'female', -30],
    ]);
    const surveys = await t.request('GET', `/membership-surveys?unionId=${unions.byFile}`, { token: t.adminToken });
    expect(surveys.body.items[0]).toMatchObject({ surveyedOn: '2026-06-30', totalMembers: 128, ledgerMembersBefore: 135 });
    const linked = await t.request('GET', `/membership-changes?importId=${checked.id}`, { token: t.adminToken });
    expect(linked.body.total).toBe(5);

    await waitFor('the outbox to be applied', async () => (await outboxSize(t)) === 0);
    const members = async (id: string): Promise<number> => (await t.request('GET', `/unions/${id}`, { token: t.adminToken })).body.currentMembers;
    expect([await members(unions.byApi), await members(unions.byFile), await members(unions.second)]).toEqual([128, 128, 100]);
    expect((await t.request('GET', '/admin/invariants', { token: t.adminToken })).body).toMatchObject({ ok: true });

    const reverse = await t.request('POST', `/imports/${checked.id}/reverse`, { token: t.adminToken, body: { reason: 'やり直し' } });
    expect(reverse.status).toBe(409);
  });

  it('lists a repeated pair, a second survey day for a union and a future day on their rows', async () => {
    const file = csvFile(
      [
        HEADER,
        ['SV-1', '2026-06-30', '正社員', '男性', 10],
        ['SV-1', '2026-06-30', '正社員', '男性', 11],
        ['SV-1', '2026-07-31', '派遣', '女性', 1],
        ['SV-3', '2099-01-01', '正社員', '男性', 1],
        ['SV-3', '2026-06-30', '正社員', '不明', -1],
      ],
      'cp932',
    );
    const checked = await check(t, t.adminToken, 'membership-survey', file, 'survey.csv');
    expect(checked.errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, '性別'],
      [4, '調査日'],
      [5, '調査日'],
      [6, '性別'],
      [6, '人数'],
    ]);
    expect(checked.errors[2].message).toBe('未来の日付は調査日にできません');
    expect((await t.request('POST', `/imports/${checked.id}/commit`, { token: t.adminToken })).status).toBe(409);
  });
});
