import type { Browser } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * 減少要因's drill-down in a real browser against the demo: the Yokohama council opens
 * its largest cause, the unions behind it and one union's ledger rows, each figure
 * summing to the one it came from, then records a review.
 */
describe('web console in a browser: the losses drill down to the ledger', () => {
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

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');
  const startingWith = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const parseJa = (text: string | null): number => Number((text ?? '').replace(/[,人\s]/g, ''));

  it('Yokohama opens its largest cause, the unions behind it and a union’s ledger rows, then records a review', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    expect(new URL(page.url()).pathname).toBe('/loss-causes');
    await page.getByRole('heading', { level: 1, name: '減少要因', exact: true }).waitFor();
    const from = await page.getByLabel('対象期間(開始月)').inputValue();
    const to = await page.getByLabel('対象期間(終了月)').inputValue();
    const token = await t.login(demo.regional.email, demo.regional.password);
    const report = (await t.request('GET', `/reports/loss-causes?from=${from}&to=${to}`, { token })).body;
    const largest = report.causes[0];
    expect(largest.members).toBeGreaterThan(0);
    expect(report.causes.every((c: any) => c.members <= largest.members)).toBe(true);

    // the cause opens the unions behind it, and they sum to the cause's figure
    await page.getByRole('button', { name: `${largest.label} ${numberJa(largest.members)}人の単組を見る` }).click();
    const dialog = page.getByRole('dialog', { name: startingWith(`${largest.label}で減少した単組`) });
    await dialog.waitFor();
    const expected = (await t.request('GET', `/reports/loss-causes?from=${from}&to=${to}&cause=${largest.cause}`, { token })).body.topUnions;
    const unionRows = dialog.locator('tbody tr');
    await unionRows.first().waitFor();
    const shown = await unionRows.evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
    expect(shown.map(([name, members]) => ({ name, members: parseJa(members) }))).toEqual(expected.map((u: any) => ({ name: u.name, members: u.members })));
    expect(shown.reduce((sum, [, members]) => sum + parseJa(members), 0)).toBe(largest.members);
    expect(parseJa(await dialog.locator('tfoot td').nth(1).textContent())).toBe(largest.members);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'loss-causes-drilldown', { fullPage: false });

    // one union's figure opens the ledger rows it sums
    const union = expected[0];
    await dialog.getByRole('button', { name: `${union.name} ${numberJa(union.members)}人の台帳の行を見る` }).click();
    const ledger = page.getByRole('dialog', { name: startingWith(`${union.name}の減少(${largest.label}`) });
    const caption = ledger.locator('caption');
    await caption.waitFor();
    expect(await caption.textContent()).toContain(`減少の合計 ${numberJa(union.members)}人`);
    const rows = await ledger.locator('tbody tr').evaluateAll((trs) => trs.map((r) => [r.cells[1].textContent, r.cells[2].textContent]));
    expect(-rows.reduce((sum, [delta]) => sum + Number((delta ?? '').replace(/[,+]/g, '')), 0)).toBe(union.members);
    expect(rows.every(([, cause]) => (cause ?? '').includes(largest.label))).toBe(true);
    expect(await ledger.getByRole('status').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await ledger.getByRole('button', { name: '単組の一覧に戻る' }).click();
    await dialog.getByRole('button', { name: `${union.name} ${numberJa(union.members)}人の台帳の行を見る` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // 減少の多い単組: a union's loss of the period opens its ledger rows over every cause
    const top = report.topUnions[0];
    const topButton = page.getByRole('button', { name: `${top.name} ${numberJa(top.members)}人の台帳の行を見る` });
    await topButton.focus();
    await page.keyboard.press('Enter');
    const all = page.getByRole('dialog', { name: startingWith(`${top.name}の減少(全要因`) });
    await all.locator('caption').waitFor();
    expect(await all.locator('caption').textContent()).toContain(`減少の合計 ${numberJa(top.members)}人`);
    await page.keyboard.press('Escape');
    await all.waitFor({ state: 'hidden' });

    // and the review of what was found
    await page.getByRole('button', { name: '振り返りを記録' }).click();
    const form = page.getByRole('dialog', { name: '振り返りを記録' });
    expect(await form.getByLabel('主な要因').inputValue()).toBe(largest.cause);
    await form.getByLabel('把握した内容').fill(`${union.name}で${largest.label}が${numberJa(union.members)}人。`);
    await form.getByLabel('対策').fill('該当単組と職場ごとの聞き取りを行う。');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('listitem').filter({ hasText: '該当単組と職場ごとの聞き取りを行う。' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
