import type { Browser, Locator, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * 監査ログ and 履歴 in a real browser against the demo: the admin moves a federation officer
 * to another federation on the user's page and then finds, in 監査ログ filtered by 操作 and
 * 期間, who did it with 構成組織 before → after; a download of the union list shows up there
 * too; a user's, a union's and a workplace's 「履歴」 show their own changes, older ones by
 * 「さらに表示」.
 */
describe('web console: 監査ログ and 履歴 in a browser', () => {
  jest.setTimeout(180_000);
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

  /** The admin's page; uncaught errors, refused loads and anything logged as an error are collected. */
  async function asAdmin(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await desktop(browser);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signIn(page, t.baseUrl, demo.admin.email, demo.admin.password);
    return { page, problems, close: () => context.close() };
  }

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  /** The cells of a table's body rows, as text. */
  const rowsOf = async (table: Locator): Promise<string[][]> => {
    const rows = await table.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.getByRole('cell').allTextContents()));
  };

  const todayInJapan = (): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const ADMIN_ROLE = 'システム管理者';

  it('the admin moves a federation officer to another federation, then finds who did it in 監査ログ by 操作 and 期間, with 構成組織 before → after', async () => {
    const { page, problems, close } = await asAdmin();
    const officer = (await t.request('GET', `/users?q=${encodeURIComponent(demo.federation.email)}`, { token: t.adminToken })).body.items[0];
    const federations = (await t.request('GET', '/federations?limit=500', { token: t.adminToken })).body.items as { id: string; name: string }[];
    const from = federations.find((f) => f.id === officer.federationId) as { name: string };
    const to = federations.find((f) => f.id !== officer.federationId) as { id: string; name: string };

    // ユーザー → the officer's page
    await page.getByRole('navigation').getByRole('link', { name: 'ユーザー' }).click();
    await heading(page, 'ユーザー');
    await page.getByRole('link', { name: officer.displayName, exact: true }).click();
    await heading(page, officer.displayName);
    expect(new URL(page.url()).pathname).toBe(`/admin/users/${officer.id}`);
    await page.getByRole('combobox', { name: '構成組織' }).selectOption({ label: to.name });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
    expect((await t.request('GET', `/users/${officer.id}`, { token: t.adminToken })).body.federationId).toBe(to.id);

    // 監査ログ, by 操作 and 期間 (today, Japan time)
    await page.getByRole('navigation').getByRole('link', { name: '監査ログ' }).click();
    await heading(page, '監査ログ');
    await page.getByLabel('操作', { exact: true }).selectOption({ label: '役割・担当範囲の変更' });
    const period = page.getByRole('group', { name: '期間' });
    await period.getByLabel('期間(開始)').fill(todayInJapan());
    await period.getByLabel('期間(終了)').fill(todayInJapan());
    const log = page.getByRole('table', { name: '監査ログ(絞り込み中・新しい順)' });
    const row = log.locator('tbody tr').filter({ hasText: `構成組織: ${from.name} → ${to.name}` });
    await row.waitFor();
    const [when, who, what, target, changes] = await row.getByRole('cell').allTextContents();
    expect(when).toMatch(new RegExp(`^${todayInJapan().replace(/-/g, '/')} \\d{2}:\\d{2}$`));
    expect(who).toBe(`${demo.admin.email}${ADMIN_ROLE}`);
    expect(what).toBe('役割・担当範囲の変更');
    expect(target).toBe(`ユーザー${officer.displayName}`);
    expect(changes).toBe(`構成組織: ${from.name} → ${to.name}`);
    // only that action, only today
    for (const cells of await rowsOf(log)) expect(cells[2]).toBe('役割・担当範囲の変更');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // 対象 opens the user's page; its 「履歴」 says the same
    await row.getByRole('link', { name: officer.displayName }).click();
    await heading(page, officer.displayName);
    await page.getByRole('tab', { name: '履歴' }).click();
    const history = page.getByRole('table', { name: `${officer.displayName}の履歴(新しい順)` });
    await history.waitFor();
    const [first] = await rowsOf(history);
    expect(first.slice(1)).toEqual([`${demo.admin.email}${ADMIN_ROLE}`, '役割・担当範囲の変更', 'ユーザー', `構成組織: ${from.name} → ${to.name}`]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('a download of the union list as Excel shows in 監査ログ: who, the list, the format and the rows', async () => {
    const { page, problems, close } = await asAdmin();
    await page.getByRole('navigation').getByRole('link', { name: '組織' }).click();
    await heading(page, '組織');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: '単組の出力', exact: true }).getByRole('button', { name: 'Excelで出力' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^組合一覧_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await download.path();
    const unions = (await t.request('GET', '/unions?limit=1', { token: t.adminToken })).body.total;

    await page.getByRole('navigation').getByRole('link', { name: '監査ログ' }).click();
    await heading(page, '監査ログ');
    await page.getByLabel('操作', { exact: true }).selectOption({ label: '出力・ダウンロード' });
    await page.getByLabel('期間(開始)').fill(todayInJapan());
    const log = page.getByRole('table', { name: '監査ログ(絞り込み中・新しい順)' });
    const row = log.locator('tbody tr').filter({ hasText: '出力した一覧: /unions' }).first();
    await row.waitFor();
    const [, who, what, target, changes] = await row.getByRole('cell').allTextContents();
    expect(who).toBe(`${demo.admin.email}${ADMIN_ROLE}`);
    expect(what).toBe('出力・ダウンロード');
    expect(target).toBe('ファイル出力');
    expect(changes).toContain('形式: Excel');
    expect(changes).toContain('条件: なし');
    expect(changes).toContain(`行数: ${unions.toLocaleString('ja-JP')}`);

    // the log itself offers both files with the same filters
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: '監査ログの出力', exact: true }).getByRole('button', { name: 'CSVで出力' }).click(),
    ]);
    const url = new URL(file.url());
    expect(url.pathname).toBe('/api/v1/audit-events');
    expect(Object.fromEntries(url.searchParams)).toEqual({ action: 'export.downloaded', from: todayInJapan(), format: 'csv' });
    expect(file.suggestedFilename()).toMatch(/^監査ログ_\d{4}-\d{2}-\d{2}\.csv$/);
    await file.path();

    // without filters: everything, newest first (sign-ins, the change of scope, the downloads)
    await page.getByRole('button', { name: '条件をクリア' }).click();
    const everything = page.getByRole('table', { name: '監査ログ(新しい順)' });
    await everything.waitFor();
    const actions = (await rowsOf(everything)).map((cells) => cells[2]);
    expect(actions).toEqual(expect.arrayContaining(['サインイン', '役割・担当範囲の変更', '出力・ダウンロード']));
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'audit-log', { fullPage: false });
    expect(problems).toEqual([]);
    await close();
  });

  it('a user’s 「履歴」 pages older events in with 「さらに表示」; a union’s and a workplace’s 「履歴」 show their own changes', async () => {
    const { page, problems, close } = await asAdmin();
    // a user renamed 55 times: more than one page (50) of history
    const created = await t.request('POST', '/users', {
      token: t.adminToken,
      body: { email: 'rename@demo.rengo-kanagawa.jp', displayName: '改名 0', password: 'rename-pass-2026', role: 'leadership' },
    });
    expect(created.status).toBe(201);
    let version = created.body.version;
    for (let n = 1; n <= 55; n++) {
      const saved = await t.request('PATCH', `/users/${created.body.id}`, { token: t.adminToken, body: { displayName: `改名 ${n}`, version } });
      version = saved.body.version;
    }
    await page.goto(`${t.baseUrl}/admin/users/${created.body.id}`);
    await heading(page, '改名 55');
    await page.getByRole('tab', { name: '履歴' }).click();
    const history = page.getByRole('table', { name: '改名 55の履歴(新しい順)' });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(50);
    expect((await rowsOf(history))[0].slice(2)).toEqual(['ユーザー変更', 'ユーザー', '表示名: 改名 54 → 改名 55']);
    await screenshot(page, 'user-history', { fullPage: false });
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await history.locator('tbody tr').nth(55).waitFor();
    const all = await rowsOf(history);
    expect(all).toHaveLength(56);
    // the oldest: the account's creation, with what it was created with (no “before”)
    expect(all[55][2]).toBe('ユーザー作成');
    expect(all[55][4]).toContain('表示名: 改名 0');
    expect(all[55][4]).toContain('役割: 執行部');
    expect(await page.getByRole('button', { name: 'さらに表示' }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // a union renamed: its 「履歴」 on 組合員数
    const union = (await t.request('GET', '/unions?limit=1', { token: t.adminToken })).body.items[0];
    expect((await t.request('PATCH', `/unions/${union.id}`, { token: t.adminToken, body: { name: `${union.name}(新)`, version: union.version } })).status).toBe(
      200,
    );
    await page.goto(`${t.baseUrl}/members?union=${union.id}`);
    await page.getByRole('heading', { level: 2, name: `${union.name}(新)` }).waitFor();
    await page.getByRole('tab', { name: '履歴' }).click();
    const unionHistory = page.getByRole('table', { name: `${union.name}(新)の履歴(新しい順)` });
    await unionHistory.waitFor();
    expect((await rowsOf(unionHistory))[0].slice(2)).toEqual(['組合の変更', '単組', `組合名: ${union.name} → ${union.name}(新)`]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'union-history', { fullPage: false });

    // a workplace's estimate corrected: its 「履歴」 on its page (admins reach it from 監査ログ)
    const prospect = (await t.request('GET', '/prospects?limit=1', { token: t.adminToken })).body.items[0];
    const workers = prospect.estimatedWorkers + 1000;
    expect(
      (await t.request('PATCH', `/prospects/${prospect.id}`, { token: t.adminToken, body: { estimatedWorkers: workers, version: prospect.version } })).status,
    ).toBe(200);
    await page.goto(`${t.baseUrl}/prospects/${prospect.id}`);
    await heading(page, prospect.employerName);
    await page.getByRole('tab', { name: '履歴' }).click();
    const prospectHistory = page.getByRole('table', { name: `${prospect.employerName}の履歴(新しい順)` });
    await prospectHistory.waitFor();
    const n = (v: number) => v.toLocaleString('ja-JP');
    expect((await rowsOf(prospectHistory))[0].slice(2)).toEqual([
      '組織化対象の変更',
      '事業所',
      `推定従業員数: ${n(prospect.estimatedWorkers)} → ${n(workers)}`,
    ]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
