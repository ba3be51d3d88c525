import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * ジェンダー平等 in a real browser on the demo: Yokohama's staff record this year's executive
 * committee (a sum that does not add up is named at 定数 first), and the council's status
 * turns from 未把握; leadership sees every federation and the confederation's panel on the
 * dashboard.
 */
describe('web console in a browser: gender equality in decision bodies', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rowOf = (page: Page, name: string) =>
    page.getByTestId('gender-participation-table').locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });

  it('Yokohama records this year’s executive committee and sees its status change from 未把握', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.getByRole('navigation').getByRole('link', { name: 'ジェンダー平等' }).click();
    await page.getByRole('heading', { level: 1, name: 'ジェンダー平等', exact: true }).waitFor();
    const yokohama = rowOf(page, '横浜地域連合');
    await yokohama.waitFor();
    expect(await page.getByTestId('gender-participation-table').locator('tbody tr').count()).toBe(1);
    expect(await yokohama.locator('[data-status]').first().textContent()).toBe('未把握');
    await page.getByRole('img', { name: /散布図/ }).waitFor();
    await page.getByTestId('no-compositions').waitFor();
    expect(await page.getByRole('button', { name: 'Excelで出力' }).count()).toBeGreaterThan(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    const token = await t.login(demo.regional.email, demo.regional.password);
    const report = (await t.request('GET', '/reports/gender-participation', { token })).body;
    const share = report.organizations[0].memberFemaleShare ?? 0;
    const women = Math.ceil(share * 20);

    await page.getByRole('button', { name: '構成を記録' }).click();
    const form = page.getByRole('dialog', { name: '構成を記録' });
    await form.getByLabel('定数').fill('20');
    await form.getByRole('textbox', { name: '女性', exact: true }).fill(String(women));
    await form.getByLabel('男性').fill(String(20 - women - 1));
    await form.getByLabel('不明').fill('0');
    await form.getByLabel('女性枠').check();
    expect(await form.getByLabel('年度').inputValue()).toBe(String(report.fiscalYear));
    await form.getByRole('button', { name: '保存' }).click();
    // the sum is named at 定数, in Japanese; the three counts are marked
    await form.getByText('女性・男性・不明の合計が定数と一致しません。').waitFor();
    expect(await form.getByLabel('定数').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('男性').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('女性・男性・不明の合計が定数と一致しません。').count()).toBe(1);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'gender-equality-form', { fullPage: false });

    await form.getByLabel('不明').fill('1');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    const status = yokohama.locator('[data-status]').first();
    await page.waitForFunction((el) => el?.textContent === '達成', await status.elementHandle());
    expect(await page.getByTestId('no-compositions').count()).toBe(0);
    const cells = await yokohama.locator('td').allTextContents();
    expect(cells.join(' ')).toContain(`${women}/20人`);
    expect(cells.join(' ')).toContain('あり');
    const saved = (await t.request('GET', '/reports/gender-participation', { token })).body.organizations[0];
    expect(saved).toMatchObject({ executiveSeats: 20, executiveWomen: women, executiveStatus: 'met', womenQuota: true });

    // recording it again shows the year's counts, and replacing them with fewer women turns it 未達
    await page.getByRole('button', { name: '構成を記録' }).click();
    await form.getByText('この年度の構成は記録済みです。保存すると置き換えます。').waitFor();
    expect(await form.getByRole('textbox', { name: '女性', exact: true }).inputValue()).toBe(String(women));
    await form.getByRole('textbox', { name: '女性', exact: true }).fill('0');
    await form.getByLabel('男性').fill(String(19));
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.waitForFunction((el) => el?.textContent === '未達', await status.elementHandle());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leadership sees every federation, which meet the plan and which have not reported, and the confederation on the dashboard', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.leadership.email, demo.leadership.password);
    const panel = page.getByTestId('gender-equality-panel');
    await panel.waitFor();
    expect(await panel.locator('[data-status]').textContent()).toMatch(/^(達成|未達)$/);
    await page.getByRole('navigation').getByRole('link', { name: 'ジェンダー平等' }).click();
    await page.getByRole('heading', { level: 1, name: 'ジェンダー平等', exact: true }).waitFor();
    await rowOf(page, '連合神奈川').waitFor();
    const statuses = await page
      .getByTestId('gender-participation-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-status]')?.textContent));
    expect(new Set(statuses)).toEqual(new Set(['達成', '未達', '未把握']));
    for (const name of ['女性組合員比率', '執行委員の女性比率', '差', '達成状況']) {
      await page.getByTestId('gender-participation-table').getByRole('columnheader', { name, exact: true }).waitFor();
    }
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'gender-equality');
    expect(problems).toEqual([]);
    await context.close();
  });
});
