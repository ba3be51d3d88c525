import { loadDemo } from '../support/demo';
import { TestApp, bootTestApp } from '../support/test-app';

/** The demo's bodies, as leadership sees them in ジェンダー平等: some organizations meet the plan, some do not, some have not reported. */
describe('demo governance bodies', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    await loadDemo(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows met, not met and not reported (未把握) for this year, beside last year, for federations and councils', async () => {
    const federations = (await t.request('GET', '/reports/gender-participation?groupBy=federation', { token: t.adminToken })).body;
    const [confederation, ...rest] = federations.organizations;
    expect(confederation).toMatchObject({ kind: 'confederation', executiveSeats: 40, womenQuota: true });
    expect(confederation.memberFemaleShare).toBeGreaterThan(0);
    expect(confederation.targets.find((x) => x.target === 'woman_top_officer')?.status).toBe('met');
    expect(confederation.previous.executiveSeats).toBe(40);
    const statuses = new Set(rest.map((o) => o.executiveStatus));
    expect(statuses).toEqual(new Set(['met', 'not_met', 'unknown']));
    expect(rest.filter((o) => o.executiveStatus === 'unknown').length).toBeLessThan(rest.length / 3);

    const councils = (await t.request('GET', '/reports/gender-participation?groupBy=regionalCouncil', { token: t.adminToken })).body;
    const yokohama = councils.organizations.find((o) => o.name === '横浜地域連合');
    expect(yokohama).toMatchObject({ executiveStatus: 'unknown', executiveSeats: null });
    expect(yokohama?.previous.executiveSeats).toBeGreaterThan(0);
    expect(councils.organizations.filter((o) => o.kind === 'regional_council' && o.executiveSeats !== null)).toHaveLength(8);
  });
});
