import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { DocumentedPath, TestApp } from '../support/test-app';

/**
 * The leadership dashboard in a real browser against the demo: the fiscal year and the
 * published/live switch drive every report, each figure on screen equals the API's, a month
 * closed and revised since shows both its figures, and the page prints on at most four A4 pages.
 */
describe('leadership dashboard in a browser', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;
  let token: string;

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');
  const deltaJa = (n: number): string => (n === 0 ? '±0' : `${n > 0 ? '+' : '-'}${numberJa(Math.abs(n))}`);
  const shareJa = (share: number): string => `${new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100)}%`;
  const monthJa = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
  const tokyoMonth = (): string => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
  const addMonths = (month: string, n: number): string => {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const fiscalYearOf = (month: string): number => Number(month.slice(0, 4)) - (Number(month.slice(5)) < 4 ? 1 : 0);
  /** The months of a fiscal year reported so far. */
  const periodOf = (year: number): { from: string; to: string } => {
    const to = addMonths(`${year}-04`, 11);
    return { from: `${year}-04`, to: to < tokyoMonth() ? to : tokyoMonth() };
  };

  const get = async <P extends DocumentedPath<'GET'>>(path: P) => {
    const answer = await t.request('GET', path, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** A table's cells as text, row by row (its header row first). */
  const cells = (page: Page, testId: string): Promise<string[][]> =>
    page.getByTestId(testId).evaluate((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));

  /** The report requests the page makes, as paths with their queries. */
  const reportRequests = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/reports/')) seen.push(`${url.pathname.slice('/api/v1'.length)}${url.search}`);
    });
    return seen;
  };

  async function asLeadership(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    await page.getByRole('heading', { level: 1, name: 'ダッシュボード', exact: true }).waitFor();
    return { page, problems, close: () => context.close() };
  }

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
    token = await t.login(demo.leadership.email, demo.leadership.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the fiscal year’s waterfall, female share and dues as the API answers them', async () => {
    const { page, problems, close } = await asLeadership();
    const year = fiscalYearOf(tokyoMonth());
    const { from, to } = periodOf(year);
    await page
      .getByTestId('dashboard-period')
      .filter({ hasText: `${year}年度(${monthJa(from)}〜${monthJa(to)})・最新値` })
      .waitFor();

    // the waterfall: a chart with its name, and a table of each cause in each month, as /reports/net-change answers
    const netChange = await get(`/reports/net-change?from=${from}&to=${to}`);
    await page.getByRole('img', { name: /^要因別の増減のウォーターフォール図/ }).waitFor();
    await page.getByTestId('net-change-table').waitFor({ state: 'attached' });
    const table = await cells(page, 'net-change-table');
    expect(table[0]).toEqual(['要因', ...netChange.months.map((m: any) => monthJa(m.month)), '計']);
    const row = (name: string): string[] => {
      const found = table.find((r) => r[0] === name);
      if (!found) throw new Error(`no row ${name} in ${JSON.stringify(table.map((r) => r[0]))}`);
      return found.slice(1);
    };
    let compared = 0;
    netChange.months.forEach((m: any, i: number) => {
      for (const c of [...m.gains, ...m.losses]) {
        expect(`${monthJa(m.month)} ${c.label} ${row(c.label)[i]}`).toBe(`${monthJa(m.month)} ${c.label} ${numberJa(c.members)}`);
        compared += 1;
      }
    });
    expect(compared).toBeGreaterThan(netChange.months.length);
    expect(row('純増減')).toEqual([...netChange.months.map((m: any) => deltaJa(m.net)), deltaJa(netChange.months.reduce((s: number, m: any) => s + m.net, 0))]);

    // the female share at the period's last month end, overall and per federation
    const gender = await get(`/reports/gender?groupBy=federation&month=${to}`);
    await expect(page.getByTestId('female-share').textContent()).resolves.toBe(shareJa(gender.total.femaleShare!));
    const genderRows = (await cells(page, 'gender-table')).slice(1);
    expect(genderRows).toEqual(
      gender.groups.map((g: any) => [g.label, numberJa(g.members), numberJa(g.female), g.femaleShare === null ? '-' : shareJa(g.femaleShare)]),
    );

    // the year's dues
    const dues = await get(`/reports/dues-projection?fiscalYear=${year}`);
    await expect(page.getByTestId('dues-total').textContent()).resolves.toBe(`${numberJa(dues.totalDues)}円`);
    await expect(page.getByTestId('dues-annual').textContent()).resolves.toBe(`${numberJa(dues.annualAtCurrentMembers)}円`);

    await screenshot(page, 'dashboard');
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('the fiscal year picker changes the period every report asks for', async () => {
    const { page, problems, close } = await asLeadership();
    const requests = reportRequests(page);
    const year = fiscalYearOf(tokyoMonth()) - 1;
    const { from, to } = periodOf(year);
    await page.getByLabel('年度', { exact: true }).selectOption(String(year));
    await page
      .getByTestId('dashboard-period')
      .filter({ hasText: `${year}年度(${monthJa(from)}〜${monthJa(to)})` })
      .waitFor();
    await page.getByTestId('dues-total').filter({ hasText: '円' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual(
      expect.arrayContaining([
        `/reports/net-change?from=${from}&to=${to}`,
        `/reports/loss-causes?from=${from}&to=${to}`,
        `/reports/growth?from=${addMonths(from, -12)}&to=${to}&groupBy=total`,
        `/reports/growth?from=${from}&to=${to}&groupBy=federation`,
        `/reports/gender?groupBy=federation&month=${to}`,
        `/reports/dues-projection?fiscalYear=${year}`,
      ]),
    );
    // the numbers follow: the waterfall's months and the year's dues
    const netChange = await get(`/reports/net-change?from=${from}&to=${to}`);
    expect((await cells(page, 'net-change-table'))[0]).toEqual(['要因', ...netChange.months.map((m: any) => monthJa(m.month)), '計']);
    const dues = await get(`/reports/dues-projection?fiscalYear=${year}`);
    await page
      .getByTestId('dues-total')
      .filter({ hasText: `${numberJa(dues.totalDues)}円` })
      .waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('a month closed and revised since shows its published and current figures; 公表値 shows the published one', async () => {
    const month = addMonths(tokyoMonth(), -1);
    const closed = await t.request('POST', `/periods/${month}/close`, { token: t.adminToken });
    expect(closed.status).toBe(201);
    const union = (await get('/unions?limit=1')).items[0];
    const change = await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: { unionId: union.id, effectiveOn: `${month}-15`, delta: 37, cause: 'new_hire', employmentType: 'regular', gender: 'female' },
    });
    expect(change.status).toBe(201);
    await t.db.query('SELECT aggregation_apply_batch(100000)');
    const live = (await get(`/reports/growth?from=${month}&to=${month}`)).groups[0].months[0];
    expect(live.publishedMembers).toBe(live.members - 37);

    const { page, problems, close } = await asLeadership();
    const requests = reportRequests(page);
    if (fiscalYearOf(month) !== fiscalYearOf(tokyoMonth())) await page.getByLabel('年度', { exact: true }).selectOption(String(fiscalYearOf(month)));
    const row = page.getByTestId('growth-table').locator(`tr[data-month="${month}"]`);
    await row.waitFor({ state: 'attached' });
    const [current, published] = (await row.locator('td').allTextContents()).slice(-2);
    expect({ current, published }).toEqual({ current: numberJa(live.members), published: numberJa(live.publishedMembers!) });
    expect(await row.locator('th').textContent()).toContain('締め後に変更あり');
    await page.getByRole('img', { name: new RegExp(`${monthJa(month)}\\)は公表値を◆で表示`) }).waitFor();

    await page.getByRole('radiogroup', { name: '表示する数値' }).getByText('公表値', { exact: true }).click();
    await page.getByTestId('dashboard-period').filter({ hasText: '公表値' }).waitFor();
    const asPublished = (await get(`/reports/growth?from=${month}&to=${month}&asPublished=true`)).groups[0].months[0];
    expect(asPublished.members).toBe(live.publishedMembers);
    await row
      .locator('td')
      .nth(3)
      .filter({ hasText: numberJa(asPublished.members) })
      .waitFor({ state: 'attached' });
    expect((await row.locator('td').allTextContents()).slice(-2)).toEqual([numberJa(live.publishedMembers!), numberJa(live.publishedMembers!)]);
    await page.waitForLoadState('networkidle');
    for (const report of ['growth', 'net-change', 'loss-causes', 'gender', 'dues-projection']) {
      expect(requests.filter((r) => r.startsWith(`/reports/${report}?`) && r.includes('asPublished=true')).length).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('prints on at most four A4 pages, without the navigation', async () => {
    const { page, problems, close } = await asLeadership();
    await page.getByTestId('dues-total').waitFor();
    for (const chart of await page.locator('div[role="img"]').all()) await chart.locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByLabel('年度', { exact: true }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    // at the paper's width (A4 is 794 CSS pixels wide) every chart fits it, its drawing scaled down
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'dashboard-print');
    const printed = await page.locator('div[role="img"] svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(printed.length).toBeGreaterThanOrEqual(4);
    for (const width of printed) expect(width).toBeLessThanOrEqual(794);
    console.log(`the dashboard prints on ${pages} A4 pages`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(4);
    expect(problems).toEqual([]);
    await close();
  });
});
