import { Clock } from '../../src/platform/time/clock';
import { loadReportFixture } from '../support/report-fixture';
import { TestApp, bootTestApp } from '../support/test-app';

/** The hand-computed fixture and its expected figures: test/support/report-fixture.ts. */
describe('/reports/growth', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const get = async (query: string) => {
    const answer = await t.request('GET', `/reports/growth?from=2026-01&to=2026-03&${query}`, { token: t.adminToken });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  /** [increase, decrease, net, members] per month of one group */
  const figures = (group: any) => group.months.map((m: any) => [m.increase, m.decrease, m.net, m.members]);
  const members = (body: any) => Object.fromEntries(body.groups.map((g: any) => [g.key, g.months.map((m: any) => m.members)]));

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    Object.assign(ids, await loadReportFixture(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the chapter total month by month, members counting everything before `from`', async () => {
    const body = await get('groupBy=total');
    expect(body.asOf).toEqual(expect.any(String));
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]).toMatchObject({ key: 'all', label: '全体' });
    expect(body.groups[0].months.map((m: any) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(figures(body.groups[0])).toEqual([
      [10, 13, -3, 227], // +10; -5 -8
      [20, 15, 5, 232], // +20; -12 -3
      [6, 4, 4, 236], // +6; -4; survey +2
    ]);
    expect(body.groups[0].months[2].adjustment).toBe(2);
  });

  it('groups by federation and by council, labelled in Japanese', async () => {
    const federations = await get('groupBy=federation');
    expect(federations.groups.map((g: any) => [g.key, g.label])).toEqual([
      [ids.X, 'X産別'],
      [ids.Y, 'Y産別'],
    ]);
    expect(figures(federations.groups[0])).toEqual([
      [10, 8, 2, 182],
      [20, 12, 8, 190],
      [0, 4, -2, 188],
    ]);
    expect(figures(federations.groups[1])).toEqual([
      [0, 5, -5, 45],
      [0, 3, -3, 42],
      [6, 0, 6, 48],
    ]);
    const councils = await get('groupBy=regionalCouncil');
    expect(councils.groups.map((g: any) => g.label)).toEqual(['A地域連合', 'B地域連合']);
    expect(members(councils)).toEqual({ [ids.A]: [155, 140, 142], [ids.B]: [72, 92, 94] });
  });

  it('groups by sector, union, employment type and gender', async () => {
    const sectors = await get('groupBy=sector');
    expect(members(sectors)).toEqual({ sx: [182, 190, 188], sy: [45, 42, 48] });
    expect(sectors.groups[0].label).toBe('部門sx');

    const unions = await get('groupBy=union');
    expect(unions.groups.map((g: any) => g.label)).toEqual(['U1労組', 'U2労組', 'U3労組']);
    expect(members(unions)).toEqual({ [ids.U1]: [110, 98, 94], [ids.U2]: [45, 42, 48], [ids.U3]: [72, 92, 94] });
    expect(figures(unions.groups[2])[2]).toEqual([0, 0, 2, 94]); // the survey adjustment only

    const types = await get('groupBy=employmentType');
    expect(types.groups.map((g: any) => [g.key, g.label])).toEqual([
      ['regular', '正社員'],
      ['part_time', 'パートタイム'],
    ]);
    expect(members(types)).toEqual({ regular: [182, 190, 188], part_time: [45, 42, 48] });

    const genders = await get('groupBy=gender');
    expect(members(genders)).toEqual({ female: [127, 144, 150], male: [100, 88, 84], unspecified: [0, 0, 2] });
  });

  it('filters by federation, council or both (the federation x council level)', async () => {
    expect(members(await get(`groupBy=total&federationId=${ids.X}`))).toEqual({ all: [182, 190, 188] });
    expect(members(await get(`groupBy=total&regionalCouncilId=${ids.A}`))).toEqual({ all: [155, 140, 142] });
    expect(members(await get(`groupBy=total&federationId=${ids.X}&regionalCouncilId=${ids.B}`))).toEqual({ all: [72, 92, 94] });
    // federations within council A, councils within federation X
    expect(members(await get(`groupBy=federation&regionalCouncilId=${ids.A}`))).toEqual({ [ids.X]: [110, 98, 94], [ids.Y]: [45, 42, 48] });
    expect(members(await get(`groupBy=regionalCouncil&federationId=${ids.X}`))).toEqual({ [ids.A]: [110, 98, 94], [ids.B]: [72, 92, 94] });
    // sectors within council B; unions and genders within federation Y
    expect(members(await get(`groupBy=sector&regionalCouncilId=${ids.B}`))).toEqual({ sx: [72, 92, 94] });
    expect(members(await get(`groupBy=union&federationId=${ids.Y}`))).toEqual({ [ids.U2]: [45, 42, 48] });
    expect(members(await get(`groupBy=gender&federationId=${ids.Y}&regionalCouncilId=${ids.A}`))).toEqual({ female: [45, 42, 48] });
  });

  it('defaults to the twelve months up to the current one, and shows months without changes', async () => {
    const answer = await t.request('GET', '/reports/growth', { token: t.adminToken });
    expect(answer.body).toMatchObject({ from: '2025-07', to: '2026-06', groupBy: 'total' });
    const months = answer.body.groups[0].months;
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-07', increase: 0, decrease: 0, adjustment: 0, net: 0, members: 0 });
    expect(months.slice(8).map((m: any) => m.members)).toEqual([236, 236, 240, 240]);
  });
});
