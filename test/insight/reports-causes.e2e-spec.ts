import { Clock } from '../../src/platform/time/clock';
import { loadReportFixture } from '../support/report-fixture';
import { DocumentedPath, TestApp, bootTestApp } from '../support/test-app';

/** The hand-computed fixture and its expected figures: test/support/report-fixture.ts. */
describe('/reports: loss causes, net change, gender, dues', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const get = async <P extends DocumentedPath<'GET'>>(path: P) => {
    const answer = await t.request('GET', path, { token: t.adminToken });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    Object.assign(ids, await loadReportFixture(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('ranks loss causes against the previous period of equal length', async () => {
    // 2026-02..2026-03 against 2025-12..2026-01
    const body = await get('/reports/loss-causes?from=2026-02&to=2026-03');
    expect(body).toMatchObject({ from: '2026-02', to: '2026-03', previousFrom: '2025-12', previousTo: '2026-01', total: 19, previousPeriodTotal: 13 });
    expect(body.asOf).toEqual(expect.any(String));
    expect(body.causes).toEqual([
      { cause: 'resignation', label: '自己都合退職', members: 12, share: 0.6316, previousPeriodMembers: 8 },
      { cause: 'retirement', label: '定年退職', members: 4, share: 0.2105, previousPeriodMembers: 5 },
      { cause: 'contract_end', label: '雇止め・契約満了', members: 3, share: 0.1579, previousPeriodMembers: 0 },
    ]);
    expect(body.topUnions).toEqual([
      { unionId: ids.U1, name: 'U1労組', members: 16 },
      { unionId: ids.U2, name: 'U2労組', members: 3 },
    ]);
  });

  it('filters loss causes by council and federation', async () => {
    // council B (U3) lost nobody in 2026-02..03 but 8 by resignation before
    const councilB = await get(`/reports/loss-causes?from=2026-02&to=2026-03&regionalCouncilId=${ids.B}`);
    expect(councilB).toMatchObject({ total: 0, topUnions: [] });
    expect(councilB.causes).toEqual([{ cause: 'resignation', label: '自己都合退職', members: 0, share: 0, previousPeriodMembers: 8 }]);
    const yInA = await get(`/reports/loss-causes?from=2026-01&to=2026-03&federationId=${ids.Y}&regionalCouncilId=${ids.A}`);
    expect(yInA.causes.map((c: any) => [c.cause, c.members])).toEqual([
      ['retirement', 5],
      ['contract_end', 3],
    ]);
    expect(yInA.topUnions).toEqual([{ unionId: ids.U2, name: 'U2労組', members: 8 }]);
  });

  it('names the unions behind one cause, summing to its figure, each down to the ledger rows it sums', async () => {
    const report = await get('/reports/loss-causes?from=2026-02&to=2026-03');
    for (const cause of report.causes) {
      const behind = await get(`/reports/loss-causes?from=2026-02&to=2026-03&cause=${cause.cause}`);
      expect(behind.causes).toEqual(report.causes);
      expect(behind.topUnions.length).toBeGreaterThan(0);
      expect(behind.topUnions.reduce((sum: number, u: any) => sum + u.members, 0)).toBe(cause.members);
      expect(behind.topUnions.map((u: any) => u.members)).toEqual([...behind.topUnions.map((u: any) => u.members)].sort((a, b) => b - a));
      for (const union of behind.topUnions) {
        const rows = await get(`/membership-changes?unionId=${union.unionId}&cause=${cause.cause}&from=2026-02-01&to=2026-03-31&limit=500`);
        expect(rows.total).toBe(rows.items.length);
        expect(-rows.items.reduce((sum: number, r: any) => sum + r.delta, 0)).toBe(union.members);
      }
    }
    // a union's losses of the period over every cause: the ledger's decreases sum to its figure
    for (const union of report.topUnions) {
      const rows = await get(`/membership-changes?unionId=${union.unionId}&causeKind=decrease&from=2026-02-01&to=2026-03-31&limit=500`);
      expect(rows.items.every((r: any) => report.causes.some((c: any) => c.cause === r.cause))).toBe(true);
      expect(-rows.items.reduce((sum: number, r: any) => sum + r.delta, 0)).toBe(union.members);
    }
  });

  it('refuses an unknown cause or one with the published figures, naming the field', async () => {
    for (const path of [
      '/reports/loss-causes?cause=new_hire',
      '/reports/loss-causes?cause=resignation&asPublished=true',
      '/membership-changes?causeKind=loss',
    ] as const) {
      const answer = await t.request('GET', path, { token: t.adminToken });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/cause/);
    }
  });

  it('gives the waterfall: gains and losses by cause per month', async () => {
    const body = await get('/reports/net-change?from=2026-01&to=2026-03');
    const cause = (c: string, members: number, label: string) => ({ cause: c, label, members });
    expect(body.months).toEqual([
      {
        month: '2026-01',
        gains: [cause('new_hire', 10, '新規採用者の加入')],
        losses: [cause('retirement', -5, '定年退職'), cause('resignation', -8, '自己都合退職')],
        adjustment: 0,
        net: -3,
      },
      {
        month: '2026-02',
        gains: [cause('new_organizing', 20, '新規組織化(結成・加盟)')],
        losses: [cause('resignation', -12, '自己都合退職'), cause('contract_end', -3, '雇止め・契約満了')],
        adjustment: 0,
        net: 5,
      },
      {
        month: '2026-03',
        gains: [cause('non_regular_enrollment', 6, '非正規労働者の組合加入')],
        losses: [cause('retirement', -4, '定年退職')],
        adjustment: 2,
        net: 4,
      },
    ]);
    const councilA = await get(`/reports/net-change?from=2026-03&to=2026-03&regionalCouncilId=${ids.A}`);
    expect(councilA.months[0]).toMatchObject({ adjustment: 0, net: 2 });
  });

  it('counts members by gender with the female share per council and federation', async () => {
    const councils = await get('/reports/gender?groupBy=regionalCouncil&month=2026-03');
    expect(councils.total).toEqual({ female: 150, male: 84, unspecified: 2, members: 236, femaleShare: 0.6356, femaleShareOfKnown: 0.641 });
    expect(councils.groups).toEqual([
      { key: ids.A, label: 'A地域連合', female: 58, male: 84, unspecified: 0, members: 142, femaleShare: 0.4085, femaleShareOfKnown: 0.4085 },
      { key: ids.B, label: 'B地域連合', female: 92, male: 0, unspecified: 2, members: 94, femaleShare: 0.9787, femaleShareOfKnown: 1 },
    ]);
    const federations = await get('/reports/gender?groupBy=federation&month=2025-12');
    expect(federations.groups.map((g: any) => [g.label, g.female, g.male])).toEqual([
      ['X産別', 80, 100],
      ['Y産別', 50, 0],
    ]);
    // the default month is the current one (2026-06): U1's +4 men in 2026-05 count
    expect(await get('/reports/gender')).toMatchObject({ month: '2026-06', closed: false, total: { male: 88, members: 240 } });
  });

  it('projects dues over the fiscal year from April, carrying the last known members forward', async () => {
    // fiscal 2025 = 2025-04..2026-03: members from 2025-12; 100 yen x 0.9 = 90 yen a member a month
    const fy2025 = await get('/reports/dues-projection?fiscalYear=2025');
    expect(fy2025).toMatchObject({ fiscalYear: 2025, from: '2025-04', to: '2026-03', monthlyDuesYen: 100, paymentRate: 0.9 });
    expect(fy2025.months.map((m: any) => [m.month, m.members, m.dues])).toEqual([
      ...['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11'].map((m) => [m, 0, 0]),
      ['2025-12', 230, 20700],
      ['2026-01', 227, 20430],
      ['2026-02', 232, 20880],
      ['2026-03', 236, 21240],
    ]);
    expect(fy2025.totalDues).toBe(83250);
    // fiscal 2026 (the default, today 2026-06-15): April 236, from May 240; July on projected
    const fy2026 = await get('/reports/dues-projection');
    expect(fy2026.fiscalYear).toBe(2026);
    expect(fy2026.months.slice(0, 4).map((m: any) => [m.month, m.members, m.projected])).toEqual([
      ['2026-04', 236, false],
      ['2026-05', 240, false],
      ['2026-06', 240, false],
      ['2026-07', 240, true],
    ]);
    expect(fy2026.months[11]).toMatchObject({ month: '2027-03', members: 240, projected: true, dues: 21600 });
    expect(fy2026.totalDues).toBe(236 * 90 + 11 * 240 * 90);
    expect(fy2026.annualAtCurrentMembers).toBe(240 * 12 * 90);
    const councilB = await get(`/reports/dues-projection?fiscalYear=2026&regionalCouncilId=${ids.B}`);
    expect(councilB.totalDues).toBe(94 * 90 * 12);
  });
});
