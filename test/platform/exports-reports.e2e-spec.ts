import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { Clock } from '../../src/platform/time/clock';
import { download, readCsv, readWorkbook, savedFileName } from '../support/exports';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/*
 * Reports as Excel and CSV: the same numbers as the JSON answer, Japanese headers, numbers
 * as numbers, the Japanese file name, and scope. Councils A, B; federations X, Y:
 * U1 = X in A (+100, -10 resignation), U2 = Y in A (+40, -5 retirement in Feb), U3 = X in B (+70, -20 retirement).
 */
describe('report exports (?format=xlsx|csv)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let leadership: TestUser;
  let federationX: TestUser;
  const GROWTH = '/reports/growth?from=2026-01&to=2026-03&groupBy=federation';
  const LOSSES = '/reports/loss-causes?from=2026-01&to=2026-03';

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    ids.A = await makeCouncil(t);
    ids.B = await makeCouncil(t);
    ids.X = await makeFederation(t, { name: '電機連合X' });
    ids.Y = await makeFederation(t, { name: 'UAゼンセンY' });
    const u1 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.X });
    const u2 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.Y });
    const u3 = await makeUnion(t, { regionalCouncilId: ids.B, federationId: ids.X });
    await t.db.transaction((manager) =>
      appendToLedger(
        manager,
        [
          { unionId: u1, effectiveOn: '2026-01-05', delta: 1100, cause: 'new_hire', employmentType: 'regular' },
          { unionId: u1, effectiveOn: '2026-01-20', delta: -10, cause: 'resignation', employmentType: 'regular' },
          { unionId: u2, effectiveOn: '2026-01-05', delta: 40, cause: 'new_hire', employmentType: 'part_time' },
          { unionId: u2, effectiveOn: '2026-02-10', delta: -5, cause: 'retirement', employmentType: 'part_time' },
          { unionId: u3, effectiveOn: '2026-01-05', delta: 70, cause: 'new_hire', employmentType: 'regular' },
          { unionId: u3, effectiveOn: '2026-03-20', delta: -20, cause: 'retirement', employmentType: 'regular' },
        ],
        'api',
        null,
      ),
    );
    await t.app.get(AggregationService).drain();
    leadership = await makeUser(t, 'leadership');
    federationX = await makeUser(t, 'federation', { federationId: ids.X });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the growth report as a workbook with the JSON numbers, as numbers, under Japanese headers', async () => {
    const json = (await t.request('GET', GROWTH, { token: leadership.token })).body;
    const file = await download(t, `${GROWTH}&format=xlsx`, leadership.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="growth-2026-06-15\.xlsx"; filename\*=UTF-8''/);
    expect(savedFileName(file.headers)).toBe('組織拡大の推移_2026-06-15.xlsx');

    const { book, sheets } = await readWorkbook(file.bytes);
    const [header, ...rows] = sheets.get('推移(全体)') as unknown[][];
    expect(header).toEqual(['構成組織', '月', '増加', '減少', '調査による調整', '純増減', '月末組合員数', '公表時の組合員数']);
    const expected = json.groups.flatMap((g: any) => g.months.map((m: any) => [g.label, m.month, m.increase, m.decrease, m.adjustment, m.net, m.members]));
    const read = rows.map((r) => [r[0], (r[1] as Date).toISOString().slice(0, 7), ...r.slice(2, 7)]);
    expect(read).toEqual(expected);
    expect(read).toContainEqual(['電機連合X', '2026-03', 0, 20, 0, -20, 1140]);

    const sheet = book.getWorksheet('推移(全体)');
    const members = sheet?.getRow(2).getCell(7);
    expect(typeof members?.value).toBe('number');
    expect(members?.numFmt).toBe('#,##0');
    expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    // one sheet per federation beside the long form
    expect([...sheets.keys()]).toEqual(['推移(全体)', ...json.groups.map((g: any) => g.label)]);
    expect(sheets.get('電機連合X')?.[3]).toEqual([new Date(Date.UTC(2026, 2, 1)), 0, 20, 0, -20, 1140]);
  });

  it('writes the growth report as CSV: UTF-8 with BOM, CRLF, the long form, the same numbers', async () => {
    const json = (await t.request('GET', GROWTH, { token: leadership.token })).body;
    const file = await download(t, `${GROWTH}&format=csv`, leadership.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.toString('utf8')).toContain('\r\n');
    expect(savedFileName(file.headers)).toBe('組織拡大の推移_2026-06-15.csv');
    const [header, ...rows] = readCsv(file.bytes);
    expect(header[0]).toBe('構成組織');
    expect(header[6]).toBe('月末組合員数');
    const expected = json.groups.flatMap((g: any) => g.months.map((m: any) => [g.label, m.month.replace('-', '/'), String(m.net), String(m.members)]));
    expect(rows.map((r) => [r[0], r[1], r[5], r[6]])).toEqual(expected);
  });

  it('writes the loss causes with shares as percentages and the unions behind them', async () => {
    const json = (await t.request('GET', LOSSES, { token: leadership.token })).body;
    const { book, sheets } = await readWorkbook((await download(t, `${LOSSES}&format=xlsx`, leadership.token)).bytes);
    const [header, ...rows] = sheets.get('要因別') as unknown[][];
    expect(header.slice(0, 4)).toEqual(['減少要因', '減少人数', '構成比', '前期間の減少人数']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(json.causes.map((c: any) => [c.label, c.members, c.share, c.previousPeriodMembers]));
    expect(rows.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(json.total);
    expect(json.total).toBe(35);
    expect(book.getWorksheet('要因別')?.getRow(2).getCell(3).numFmt).toBe('0.0%');
    expect(
      sheets
        .get('減少の多い組合')
        ?.slice(1)
        .map((r) => r[1]),
    ).toEqual(json.topUnions.map((u: any) => u.members));

    const csv = readCsv((await download(t, `${LOSSES}&format=csv`, leadership.token)).bytes);
    expect(csv.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2].replace('%', '')) / 100])).toEqual(
      json.causes.map((c: any) => [c.label, c.members, expect.closeTo(c.share, 6)]),
    );
    expect(csv[1][2]).toMatch(/%$/);
  });

  it("keeps a federation user's export to their federation, as their JSON answer is", async () => {
    const path = '/reports/growth?from=2026-01&to=2026-03&groupBy=regionalCouncil';
    const json = (await t.request('GET', path, { token: federationX.token })).body;
    const csv = readCsv((await download(t, `${path}&format=csv`, federationX.token)).bytes);
    expect(csv.slice(1).map((r) => Number(r[6]))).toEqual(json.groups.flatMap((g: any) => g.months.map((m: any) => m.members)));
    // council A holds only U1 (X), not U2 (Y); council B holds U3
    expect(csv.filter((r) => r[1] === '2026/03').map((r) => r[6])).toEqual(expect.arrayContaining(['1090', '50']));
    expect(csv).toHaveLength(1 + 2 * 3);
    const other = await download(t, `/reports/growth?from=2026-01&to=2026-03&federationId=${ids.Y}&format=xlsx`, federationX.token);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 400 naming format for an unknown format and for a route without an export', async () => {
    const unknown = await t.request('GET', `${GROWTH}&format=pdf`, { token: leadership.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'format', code: 'NOT_ONE_OF', message: expect.stringContaining('xlsx') }]);
    const noExport = await t.request('GET', '/labels?format=csv', { token: leadership.token });
    expect(noExport.status).toBe(400);
    expect(noExport.body.details[0].field).toBe('format');
    // the route's own validation still runs on the rest of the query
    const bad = await t.request('GET', '/reports/growth?from=2026-13&to=2026-03&format=csv', { token: leadership.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field)).toEqual(['from']);
  });

  it('documents format once per exporting GET in the OpenAPI document', async () => {
    const doc = (await t.requestUntyped('GET', '/docs-json')).body;
    const formatOf = (path: string) => doc.paths[path].get.parameters.filter((p: any) => p.name === 'format');
    expect(formatOf('/api/v1/reports/growth')).toEqual([expect.objectContaining({ in: 'query', schema: { type: 'string', enum: ['xlsx', 'csv'] } })]);
    expect(formatOf('/api/v1/goals/{id}/progress')).toHaveLength(1);
    expect(formatOf('/api/v1/membership-changes')).toHaveLength(1);
    expect(formatOf('/api/v1/labels')).toHaveLength(0);
  });
});
