import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { Clock } from '../../src/platform/time/clock';
import { download, readWorkbook, savedFileName } from '../support/exports';
import { makeCouncil, makeUnion, makeUser, TestUser } from '../support/factories';
import { loadReportFixture } from '../support/report-fixture';
import { TestApp, bootTestApp } from '../support/test-app';

/*
 * The report fixture (test/support/report-fixture.ts), today 2026-06-15, so fiscal 2025 ends
 * 2026-03 and fiscal 2026 is counted at 2026-06. Council C is added: 3 women and 7 men from
 * 2025-12 (a female share of exactly 30%), and council D: 10 women, 10 members whose gender
 * is unspecified (a coverage of 50%).
 */
describe('GET /reports/gender-participation', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let councilC: string;
  let councilD: string;
  let cStaff: TestUser;
  let xOfficer: TestUser;
  let leadership: TestUser;

  const get = async (path: string, token = t.adminToken) => {
    const answer = await t.request('GET', path as '/reports/gender-participation', { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const bodyOf = async (organization: Record<string, unknown>, kind: string, name = kind) =>
    (await t.request('POST', '/governance-bodies', { token: t.adminToken, body: { organization, kind, name } })).body.id;
  const put = (id: string, year: number, seats: number, women: number, men: number, unspecified = 0) =>
    t.request('PUT', `/governance-bodies/${id}/compositions/${year}`, { token: t.adminToken, body: { seats, women, men, unspecified, womenQuota: false } });

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    ids = await loadReportFixture(t);
    councilC = await makeCouncil(t, { code: 'c', name: 'C地域連合' });
    councilD = await makeCouncil(t, { code: 'd', name: 'D地域連合' });
    const unionC = await makeUnion(t, { regionalCouncilId: councilC });
    const unionD = await makeUnion(t, { regionalCouncilId: councilD });
    const entry = (unionId: string, delta: number, gender: 'female' | 'male' | 'unspecified') => ({
      unionId,
      effectiveOn: '2025-12-10',
      delta,
      cause: 'new_hire' as const,
      employmentType: 'regular' as const,
      gender,
      surveyId: null,
    });
    await t.db.transaction((manager) =>
      appendToLedger(
        manager,
        [entry(unionC, 3, 'female'), entry(unionC, 7, 'male'), entry(unionD, 10, 'female'), entry(unionD, 10, 'unspecified')],
        'api',
        null,
      ),
    );
    await t.app.get(AggregationService).drain();
    cStaff = await makeUser(t, 'regional', { regionalCouncilId: councilC });
    xOfficer = await makeUser(t, 'federation', { federationId: ids.X });
    leadership = await makeUser(t, 'leadership');
  });
  afterAll(async () => {
    await t.close();
  });

  it('the members’ female share is the gender report’s for the same organization and month, confederation included', async () => {
    for (const groupBy of ['regionalCouncil', 'federation'] as const) {
      for (const [fiscalYear, month] of [
        [2025, '2026-03'],
        [2026, '2026-06'],
      ] as const) {
        const report = await get(`/reports/gender-participation?fiscalYear=${fiscalYear}&groupBy=${groupBy}`);
        const gender = (await t.request('GET', `/reports/gender?groupBy=${groupBy}&month=${month}`, { token: t.adminToken })).body;
        const [confederation, ...organizations] = report.organizations;
        expect(confederation).toMatchObject({ kind: 'confederation', id: null, name: '連合神奈川', month, memberFemaleShare: gender.total.femaleShare });
        expect(confederation.members).toBe(gender.total.members);
        for (const group of gender.groups.filter((g) => g.key !== 'none')) {
          const organization = organizations.find((o) => o.id === group.key);
          expect([group.label, organization?.memberFemaleShare, organization?.members]).toEqual([group.label, group.femaleShare, group.members]);
        }
      }
    }
    // fiscal 2025 at 2026-03: council A 58 of 142 women
    const councils = await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil');
    expect(councils.organizations.find((o) => o.id === ids.A)).toMatchObject({ female: 58, members: 142, memberFemaleShare: 0.4085 });
  });

  it('coverage is the share of members whose gender is known; "member gender surveyed" is met from 90%', async () => {
    const report = await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil');
    const of = (id: string) => report.organizations.find((o) => o.id === id);
    const surveyed = (id: string) => of(id)?.targets.find((x) => x.target === 'member_gender_surveyed')?.status;
    // B: 92 women and 2 members of unspecified gender of 94
    expect(of(ids.B)).toMatchObject({ memberGenderCoverage: 0.9787, memberFemaleShare: 0.9787 });
    expect(surveyed(ids.B)).toBe('met');
    // D: 10 women, 10 unspecified: the share counts the unspecified in the members, as the gender report does
    expect(of(councilD)).toMatchObject({ members: 20, female: 10, unspecified: 10, memberGenderCoverage: 0.5, memberFemaleShare: 0.5 });
    expect(surveyed(councilD)).toBe('not_met');
    expect(surveyed(councilC)).toBe('met');
    // the year before had no members at all: unknown, not a failure
    expect(of(councilC)?.previous).toMatchObject({ fiscalYear: 2024, members: 0, memberFemaleShare: null, memberGenderCoverage: null });
    expect(of(councilC)?.previous.targets.every((x) => x.status === 'unknown')).toBe(true);
    expect(report.surveyedCoverage).toBe(0.9);
  });

  it('parity and status at the boundary: exactly proportional is met; one woman fewer is not; no composition is unknown', async () => {
    // council C: 30% women among members
    const executive = await bodyOf({ kind: 'regional_council', id: councilC }, 'executive_committee', '執行委員会');
    const officers = await bodyOf({ kind: 'regional_council', id: councilC }, 'top_officers', '三役');
    const delegates = await bodyOf({ kind: 'regional_council', id: councilC }, 'convention_delegates', '大会代議員');
    await bodyOf({ kind: 'regional_council', id: councilC }, 'central_committee', '中央委員会');
    expect((await put(executive, 2025, 10, 3, 7)).status).toBe(200);
    expect((await put(officers, 2025, 3, 0, 3)).status).toBe(200);
    expect((await put(delegates, 2025, 20, 5, 14, 1)).status).toBe(200);
    expect((await put(executive, 2024, 10, 1, 9)).status).toBe(200);

    const report = await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil');
    const c = report.organizations.find((o) => o.id === councilC);
    expect(c).toMatchObject({
      memberFemaleShare: 0.3,
      executiveSeats: 10,
      executiveWomen: 3,
      executiveWomenShare: 0.3,
      executiveGapPoints: 0,
      executiveParity: 1,
      executiveStatus: 'met',
    });
    const byName = (name: string) => c?.bodies.find((b) => b.name === name);
    expect(byName('執行委員会')).toMatchObject({
      womenShare: 0.3,
      gapPoints: 0,
      parity: 1,
      status: 'met',
      previous: { seats: 10, women: 1, status: 'unknown' },
    });
    expect(byName('三役')).toMatchObject({ womenShare: 0, gapPoints: -30, parity: 0, status: 'not_met' });
    expect(byName('大会代議員')).toMatchObject({ womenShare: 0.25, gapPoints: -5, parity: 0.8333, status: 'not_met' });
    expect(byName('中央委員会')).toMatchObject({ seats: null, womenShare: null, parity: null, status: 'unknown' });
    expect(Object.fromEntries(c?.targets.map((x) => [x.target, x.status]) ?? [])).toEqual({
      member_gender_surveyed: 'met',
      woman_officer: 'met',
      executive_share_in_proportion: 'met',
      woman_top_officer: 'not_met',
      decision_bodies_in_proportion: 'not_met',
    });

    // one woman fewer on the executive: not met, and the parity never rounds up to 1
    await put(executive, 2025, 10, 2, 8);
    const after = (await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil')).organizations.find((o) => o.id === councilC);
    expect(after).toMatchObject({ executiveWomenShare: 0.2, executiveGapPoints: -10, executiveParity: 0.6667, executiveStatus: 'not_met' });
    // a body just under proportion: 2999 of 10000 seats against 30%
    await put(executive, 2025, 10000, 2999, 7001);
    const under = (await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil')).organizations.find((o) => o.id === councilC);
    expect(under).toMatchObject({ executiveStatus: 'not_met', executiveParity: 0.9997 });
    await put(executive, 2025, 10000, 3000, 7000);
    const exact = (await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil')).organizations.find((o) => o.id === councilC);
    expect(exact).toMatchObject({ executiveStatus: 'met', executiveParity: 1 });

    // an organization that recorded nothing: every body target unknown (未把握), the survey target still measured
    const d = report.organizations.find((o) => o.id === councilD);
    expect(d?.targets.map((x) => x.status)).toEqual(['not_met', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(d?.executiveStatus).toBe('unknown');
  });

  it('scope of reads: a federation officer and council staff see their own organization only; organizers are refused', async () => {
    const x = await get('/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil', xOfficer.token);
    expect(x.groupBy).toBe('federation');
    expect(x.organizations.map((o) => [o.kind, o.id])).toEqual([['federation', ids.X]]);
    const everyone = await get('/reports/gender-participation?fiscalYear=2025&groupBy=federation', leadership.token);
    expect(x.organizations[0].memberFemaleShare).toBe(everyone.organizations.find((o) => o.id === ids.X)?.memberFemaleShare);
    const c = await get('/reports/gender-participation?fiscalYear=2025', cStaff.token);
    expect(c.organizations.map((o) => o.id)).toEqual([councilC]);
    expect(c.organizations[0].bodies.map((b) => b.name).sort()).toEqual(['三役', '中央委員会', '大会代議員', '執行委員会'].sort());
    const organizer = await makeUser(t, 'organizer', { regionalCouncilId: councilC });
    expect((await t.request('GET', '/reports/gender-participation', { token: organizer.token })).status).toBe(403);
  });

  it('a composition recorded after a read is in the next read (the report cache follows the compositions)', async () => {
    const first = await get('/reports/gender-participation?fiscalYear=2026&groupBy=federation');
    expect(first.organizations.find((o) => o.id === ids.Y)?.executiveStatus).toBe('unknown');
    const y = await bodyOf({ kind: 'federation', id: ids.Y }, 'executive_committee', '執行委員会');
    await put(y, 2026, 5, 5, 0);
    const second = await get('/reports/gender-participation?fiscalYear=2026&groupBy=federation');
    expect(second.organizations.find((o) => o.id === ids.Y)).toMatchObject({ executiveStatus: 'met', executiveWomen: 5 });
  });

  it('exports the table to Excel and CSV with Japanese headers', async () => {
    const csv = await t.requestUntyped('GET', '/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil&format=csv', { token: leadership.token });
    expect(csv.status).toBe(200);
    const [header, ...lines] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header.split(',').slice(0, 11)).toEqual([
      '組織',
      '区分',
      '組合員数',
      '女性組合員',
      '女性組合員比率',
      '性別の把握率',
      '執行委員数',
      'うち女性',
      '執行委員の女性比率',
      '差(ポイント)',
      '達成状況',
    ]);
    expect(lines.find((l) => l.startsWith('C地域連合'))).toContain('未達');
    expect(lines.find((l) => l.startsWith('D地域連合'))).toContain('未把握');
    const file = await download(t, '/reports/gender-participation?fiscalYear=2025&groupBy=regionalCouncil&format=xlsx', leadership.token);
    expect(savedFileName(file.headers)).toMatch(/^ジェンダー平等推進計画の達成状況_.*\.xlsx$/);
    const { sheets } = await readWorkbook(file.bytes);
    expect([...sheets.keys()]).toEqual(['2025年度', '機関別']);
    const bodies = sheets.get('機関別') ?? [];
    expect(bodies.find((row) => row[0] === 'C地域連合' && row[1] === '執行委員会')?.slice(2, 7)).toEqual(['執行委員会', 10000, 3000, 7000, 0]);
  });
});
