import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * The web console in a real browser (Debian's Chromium driven by playwright-core) against
 * the real API with the demo loaded, serving the console exactly as built (dist/web).
 * Each person does their main task; every main screen is checked with axe and
 * photographed into docs/screenshots.
 */
describe('web console in a browser', () => {
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

  /** Signs the demo user of `role` in; answers the page and what the browser complained about. */
  async function as(role: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo[role].email, demo[role].password);
    return { page, problems, close: () => context.close() };
  }

  /** Waits for the screen's one h1 to read `name`. */
  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');

  it('shows the sign-in page in Japanese, accessible, within its security policy', async () => {
    const { context, page, problems } = await desktop(browser);
    await page.goto(`${t.baseUrl}/`);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await heading(page, 'ログイン');
    await page.getByLabel('メールアドレス').fill(demo.leadership.email);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('パスワードが違います');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'login');
    // nothing secret is kept by the page
    expect(await page.evaluate('Object.keys(localStorage)')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leadership lands on the dashboard and sees the goal’s members as the API counts them', async () => {
    const { page, problems, close } = await as('leadership');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await heading(page, 'ダッシュボード');
    const goals = await t.request('GET', '/goals?limit=500', { token: t.adminToken });
    const chapter = goals.body.items.find((g: any) => !g.scope.federationId && !g.scope.regionalCouncilId && !g.parentGoalId)!;
    const progress = await t.request('GET', `/goals/${chapter.id}/progress`, { token: t.adminToken });
    await expect(page.getByTestId('goal-current-members').textContent()).resolves.toBe(numberJa(progress.body.currentMembers));
    await expect(page.getByTestId('goal-percent').textContent()).resolves.toBe(`${progress.body.percent.toFixed(1)}%`);
    // the menu names the screens leadership may use
    const menu = page.getByRole('navigation');
    for (const name of ['ダッシュボード', '目標', '減少要因', '組織', '月次締め']) await menu.getByRole('link', { name }).waitFor();
    expect(await menu.getByRole('link', { name: 'ユーザー' }).count()).toBe(0);
    // every chart is an image with a name, and has a table of its numbers
    const charts = page.locator('div[role="img"]');
    await charts.first().waitFor();
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) expect((await chart.getAttribute('aria-label'))?.length).toBeGreaterThan(10);
    expect(await page.getByText('表で見る').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'dashboard');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // 目標: every goal's standing, and how the chapter's goal is shared out (the demo's does not add up)
    await menu.getByRole('link', { name: '目標' }).click();
    await heading(page, '目標');
    const allocations = await t.request('GET', `/goals/${chapter.id}/allocations`, { token: t.adminToken });
    const summary = page.getByTestId('allocation-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(`割り振りの合計 ${numberJa(allocations.body.childrenTargetMembers)}人`);
    expect(await summary.textContent()).toContain(allocations.body.balanced ? '一致' : '不一致');
    await page
      .getByRole('cell', { name: `${progress.body.percent.toFixed(1)}%` })
      .first()
      .waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('the Yokohama council sees its losses by cause and records a review', async () => {
    const { page, problems, close } = await as('regional');
    expect(new URL(page.url()).pathname).toBe('/loss-causes');
    await heading(page, '減少要因');
    const from = await page.getByLabel('対象期間(開始月)').inputValue();
    const to = await page.getByLabel('対象期間(終了月)').inputValue();
    const report = await t.request('GET', `/reports/loss-causes?from=${from}&to=${to}`, { token: await t.login(demo.regional.email, demo.regional.password) });
    const largest = [...report.body.causes].sort((a: any, b: any) => b.members - a.members)[0];
    await page.getByRole('heading', { name: new RegExp(`計 ${numberJa(report.body.total)}人`) }).waitFor();
    await screenshot(page, 'loss-causes');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: '振り返りを記録' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('期間(開始)').inputValue()).toBe(from);
    expect(await dialog.getByLabel('期間(終了)').inputValue()).toBe(to);
    expect(await dialog.getByLabel('主な要因').inputValue()).toBe(largest.cause);
    await dialog.getByLabel('把握した内容').fill('入社3年未満の自己都合退職が続いている。');
    await dialog.getByLabel('対策').fill('新入組合員向けの職場懇談会を四半期ごとに開く。');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('新入組合員向けの職場懇談会を四半期ごとに開く。').waitFor();
    const saved = await t.request('GET', '/loss-reviews?limit=100', { token: t.adminToken });
    const review = saved.body.items.find((r: any) => r.findings === '入社3年未満の自己都合退職が続いている。')!;
    expect(review).toMatchObject({ periodFrom: from, periodTo: to, causes: [largest.cause] });

    // editing it while someone else changes it: a 409 shows what changed and keeps the person's input
    await page
      .getByRole('listitem')
      .filter({ hasText: '入社3年未満の自己都合退職が続いている。' })
      .getByRole('button', { name: /振り返りを編集$/ })
      .click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('把握した内容').fill('入社3年未満の退職が多い(追記)。');
    const other = await t.request('PATCH', `/loss-reviews/${review.id}`, {
      token: t.adminToken,
      body: { countermeasures: '事務局で見直した対策。', version: review.version },
    });
    expect(other.status).toBe(200);
    await edit.getByRole('button', { name: '保存' }).click();
    const notice = edit.getByRole('alert');
    await notice.filter({ hasText: 'ほかの人が先に変更しました' }).waitFor();
    expect(await notice.textContent()).toContain('対策: 現在は「事務局で見直した対策。」');
    expect(await edit.getByLabel('把握した内容').inputValue()).toBe('入社3年未満の退職が多い(追記)。');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    const final = await t.request('GET', `/loss-reviews/${review.id}`, { token: t.adminToken });
    expect(final.body).toMatchObject({ findings: '入社3年未満の退職が多い(追記)。', version: review.version + 2 });
    expect(problems).toEqual([]);
    await close();
  });

  it('UAゼンセン records a membership change and sees it in the union’s figures', async () => {
    const { page, problems, close } = await as('federation');
    expect(new URL(page.url()).pathname).toBe('/members');
    await heading(page, '組合員数');
    const button = page.getByRole('button', { name: /の増減を記録$/ }).first();
    await button.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await button.click();
    const before = Number((await page.getByTestId('union-current-members').textContent())?.replace(/,/g, ''));
    await page.getByLabel('増減数').fill('7');
    await page.getByLabel('事由').selectOption('new_hire');
    await page.getByRole('button', { name: '記録する' }).click();
    await page.getByRole('status').filter({ hasText: '記録しました' }).waitFor();
    await page.getByRole('cell', { name: '+7' }).first().waitFor();
    // the worker's step: apply the outbox to the rollups; the page then shows the new count
    await t.db.query('SELECT aggregation_apply_batch(100000)');
    await page
      .getByTestId('union-current-members')
      .filter({ hasText: numberJa(before + 7) })
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'members');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // a wrong entry is taken back: the ledger keeps it and records the opposite
    await page
      .getByRole('button', { name: /\+7を取り消す$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('取り消す理由').fill('二重に入力したため');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await page.getByRole('status').filter({ hasText: '取り消しました' }).waitFor();
    await page.getByRole('cell', { name: '取消済み' }).first().waitFor();
    await t.db.query('SELECT aggregation_apply_batch(100000)');
    await page
      .getByTestId('union-current-members')
      .filter({ hasText: numberJa(before) })
      .waitFor({ timeout: 20_000 });

    // the annual survey is the ground truth on its day: the union then counts what it says
    await page.getByRole('tab', { name: '年次調査' }).click();
    await page.getByLabel('正社員・女性の人数').fill('1200');
    await page.getByLabel('正社員・男性の人数').fill('34');
    await page.getByText('合計 1,234人').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: '調査結果を保存' }).click();
    await page.getByRole('status').filter({ hasText: '調査結果を保存しました' }).waitFor();
    await t.db.query('SELECT aggregation_apply_batch(100000)');
    await page.getByTestId('union-current-members').filter({ hasText: '1,234' }).waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await close();
  });

  it('the admin creates a user and closes a month', async () => {
    const { page, problems, close } = await as('admin');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'ユーザー' }).click();
    await heading(page, 'ユーザー');
    await page.getByLabel('メールアドレス').fill('kawasaki-new');
    await page.getByLabel('表示名').fill('川崎地域連合 新任');
    await page.getByRole('textbox', { name: '初期パスワード', exact: true }).fill('kawasaki-pass-2026');
    await page.getByLabel('役割').selectOption('regional');
    await page.getByRole('combobox', { name: '地域連合' }).selectOption({ label: '川崎地域連合' });
    // the API's objection shows in Japanese beside the field it names
    await page.getByRole('button', { name: '作成' }).click();
    await page.getByText('メールアドレスの形式で入力してください').waitFor();
    expect(await page.getByLabel('メールアドレス').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('メールアドレス').fill('kawasaki-new@demo.rengo-kanagawa.jp');
    await page.getByRole('button', { name: '作成' }).click();
    await page.getByRole('status').filter({ hasText: '作成しました' }).waitFor();
    await page.getByRole('cell', { name: 'kawasaki-new@demo.rengo-kanagawa.jp' }).waitFor();
    expect((await t.request('GET', '/users?q=kawasaki-new', { token: t.adminToken })).body.items[0]).toMatchObject({ role: 'regional' });
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: '月次締め' }).click();
    await heading(page, '月次締め');
    const month = await page.getByLabel('締める月').inputValue();
    await page.getByRole('button', { name: '締める' }).click();
    await page.getByRole('status').filter({ hasText: '締めました' }).waitFor();
    const periods = await t.request('GET', '/periods', { token: t.adminToken });
    expect(periods.body.items.map((p: any) => p.month)).toContain(month);
    await screenshot(page, 'periods');
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('sign-out ends the session, and an ended session signs in again and comes back to the page', async () => {
    const { page, problems, close } = await as('leadership');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(cookie).toContain('rengo_session=');
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
    expect((await fetch(`${t.baseUrl}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    // a page asked for without a session: sign in, then back to it
    await page.goto(`${t.baseUrl}/structure`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('メールアドレス').fill(demo.leadership.email);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(demo.leadership.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL((url) => url.pathname === '/structure');
    await heading(page, '組織');
    await page.getByRole('cell').first().waitFor();
    await screenshot(page, 'structure', { fullPage: false });
    expect(await seriousAxeFindings(page)).toEqual([]);
    // the session ends elsewhere (another tab signs out): the next call returns to sign-in, then here
    const csrf = (await page.context().cookies()).find((c) => c.name === 'rengo_csrf')?.value ?? '';
    const session = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await fetch(`${t.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: session, 'x-csrf-token': csrf } });
    await page.getByRole('navigation').getByRole('link', { name: '減少要因' }).click();
    await page.waitForURL(/\/login\?next=%2Floss-causes/);
    await page.getByLabel('メールアドレス').fill(demo.leadership.email);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(demo.leadership.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await heading(page, '減少要因');
    expect(problems).toEqual([]);
    await close();
  });

  it('the organizer lands on 今日', async () => {
    const { page, problems, close } = await as('organizer');
    expect(new URL(page.url()).pathname).toBe('/today');
    await heading(page, '今日');
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['今日', '担当事業所', '企業グループ']);
    expect(problems).toEqual([]);
    await close();
  });
});
