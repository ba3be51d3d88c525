import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { readWorkbook } from '../support/exports';
import { TestApp } from '../support/test-app';

/**
 * 「Excelで出力」 under 公表値: the file holds the figures the screen shows. A month is closed
 * and then revised, so its published and current figures differ; with 公表値 chosen, the
 * dashboard's 組合員数の推移 and its Excel file must both give the published one.
 */
describe('the dashboard’s export under 公表値, in a browser', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');
  const tokyoMonth = (): string => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
  const addMonths = (month: string, n: number): string => {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const fiscalYearOf = (month: string): number => Number(month.slice(0, 4)) - (Number(month.slice(5)) < 4 ? 1 : 0);

  /** The growth table's rows as the screen shows them: month → [増加, 減少, 月末組合員数]. */
  const screenRows = (page: Page): Promise<Record<string, string[]>> =>
    page.getByTestId('growth-table').evaluate((table) =>
      Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
          return [tr.getAttribute('data-month') ?? '', [cells[0], cells[1], cells[3]]];
        }),
      ),
    );

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('downloads 組合員数の推移 with the published figures the chart and table show', async () => {
    // last month closed, then revised: its current figure is 37 above the published one
    const month = addMonths(tokyoMonth(), -1);
    expect((await t.request('POST', `/periods/${month}/close`, { token: t.adminToken })).status).toBe(201);
    const union = (await t.request('GET', '/unions?limit=1', { token: t.adminToken })).body.items[0];
    const change = await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: { unionId: union.id, effectiveOn: `${month}-15`, delta: 37, cause: 'new_hire', employmentType: 'regular', gender: 'female' },
    });
    expect(change.status).toBe(201);
    await t.db.query('SELECT aggregation_apply_batch(100000)');
    const live = (await t.request('GET', `/reports/growth?from=${month}&to=${month}`, { token: t.adminToken })).body.groups[0].months[0];
    expect(live.publishedMembers).toBe(live.members - 37);

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    await page.getByRole('heading', { level: 1, name: 'ダッシュボード', exact: true }).waitFor();
    if (fiscalYearOf(month) !== fiscalYearOf(tokyoMonth())) await page.getByLabel('年度', { exact: true }).selectOption(String(fiscalYearOf(month)));
    await page.getByRole('radiogroup', { name: '表示する数値' }).getByText('公表値', { exact: true }).click();
    await page.getByTestId('dashboard-period').filter({ hasText: '公表値' }).waitFor();
    const row = page.getByTestId('growth-table').locator(`tr[data-month="${month}"]`);
    await row
      .locator('td')
      .nth(3)
      .filter({ hasText: numberJa(live.publishedMembers!) })
      .waitFor({ state: 'attached' });
    const onScreen = await screenRows(page);
    expect(onScreen[month][2]).toBe(numberJa(live.publishedMembers!));

    const exports = page.getByRole('group', { name: '組合員数の推移の出力' });
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Excelで出力' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    const { sheets } = await readWorkbook(Buffer.concat(chunks));
    // 推移(全体): 集計, 月, 増加, 減少, 調査による調整, 純増減, 月末組合員数, 公表時の組合員数
    const inFile = Object.fromEntries(
      (sheets.get('推移(全体)') as unknown[][])
        .slice(1)
        .map((r) => [(r[1] as Date).toISOString().slice(0, 7), [numberJa(r[2] as number), numberJa(r[3] as number), numberJa(r[6] as number)]]),
    );
    expect(inFile[month][2]).toBe(numberJa(live.publishedMembers!));
    expect(Object.keys(onScreen).length).toBeGreaterThan(1);
    expect(inFile).toEqual(onScreen);
    expect(new URL(download.url()).searchParams.get('asPublished')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });
});
