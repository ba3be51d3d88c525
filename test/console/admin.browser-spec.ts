import type { Browser, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { desktop, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

/**
 * The console's administration in a real browser against the demo: 集計 (rebuild with its
 * progress, the invariant check, the queue UI on the console's session), ユーザー (role,
 * scope, password reset), 目標 (goals, milestones, allocations, a stale save), and what a
 * person sees on a record outside their scope.
 */
describe('web console: administration in a browser', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let worker: WorkerProcess;
  let demo: Record<string, DemoLogin>;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
    worker = await startWorker(t);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    if (t) await clearQueue(t);
    await t?.close();
  });

  async function as(role: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo[role].email, demo[role].password);
    return { page, problems, close: () => context.close() };
  }

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  const numberJa = (n: number): string => n.toLocaleString('ja-JP');
  /** The API's `difference` (children minus parent) as the screen must word it. */
  const differenceJa = (d: number): string =>
    d === 0 ? '配分の合計は目標と一致しています' : `配分の合計が目標より ${numberJa(Math.abs(d))}人 ${d < 0 ? '少ない' : '多い'}`;

  it('the admin finds a damaged rollup, rebuilds, watches the progress reach 完了, finds the rollups equal to the ledger, and opens the queue UI', async () => {
    const { page, problems, close } = await as('admin');
    await page.getByRole('navigation').getByRole('link', { name: '集計' }).click();
    await heading(page, '集計');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // a damaged rollup: the check names it in a table, by union, month and amounts
    const [[victim]] = await t.db.query(`UPDATE union_month_rollups SET members = members + 5
      WHERE (union_id, month, employment_type, gender, cause) IN (SELECT union_id, month, employment_type, gender, cause FROM union_month_rollups LIMIT 1)
      RETURNING union_id, members`);
    const victimName = (await t.request('GET', `/unions/${victim.union_id}`, { token: t.adminToken })).body.name;
    await page.getByRole('button', { name: '整合性を確認' }).click();
    await page.getByRole('alert').filter({ hasText: '集計と台帳が一致していません' }).waitFor();
    const unionTable = page.getByRole('table', { name: '組合単位の不一致(台帳と集計)' });
    const row = unionTable.getByRole('row').filter({ hasText: victimName });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining([numberJa(victim.members - 5), numberJa(victim.members)]));
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: '再集計を開始' }).click();
    const bar = page.getByRole('progressbar', { name: '再集計の進み具合' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemin')).toBe('0');
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    await page.getByTestId('rebuild-state').filter({ hasText: '完了 100%' }).waitFor({ timeout: 60_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toBe('100%');
    expect(worker.output()).toMatch(/rebuild \S+: 100%/);

    await page.getByRole('button', { name: '整合性を確認' }).click();
    await page.getByRole('status').filter({ hasText: '集計と台帳は一致しています' }).waitFor();
    expect((await t.request('GET', '/admin/invariants', { token: t.adminToken })).body.ok).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'admin-aggregation');

    // the queue UI opens with nothing more than the console's session
    const link = page.getByRole('link', { name: /キュー管理画面/ });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/v1/admin/queues');
    const board = await page.context().newPage();
    const answer = await board.goto(`${t.baseUrl}${href}`);
    expect(answer?.status()).toBe(200);
    expect(new URL(board.url()).pathname).toBe('/api/v1/admin/queues');
    const queues = await board.evaluate(async () => (await (await fetch('/api/v1/admin/queues/api/queues')).json()) as { queues: { name: string }[] });
    expect(queues.queues.map((q) => q.name)).toEqual(['aggregation']);
    await board.close();
    expect(problems).toEqual([]);
    await close();
  });

  it('the admin creates a user, changes the role and scope, resets the password, and the user signs in with the new one', async () => {
    const { page, problems, close } = await as('admin');
    await page.getByRole('navigation').getByRole('link', { name: 'ユーザー' }).click();
    await heading(page, 'ユーザー');
    const email = 'sagami-staff@demo.rengo-kanagawa.jp';
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('表示名').fill('相模 次郎');
    await page.getByRole('textbox', { name: '初期パスワード', exact: true }).fill('first-pass-2026');
    await page.getByLabel('役割').selectOption('regional');
    await page.getByRole('combobox', { name: '地域連合' }).selectOption({ label: '川崎地域連合' });
    await page.getByRole('button', { name: '作成' }).click();
    await page.getByRole('status').filter({ hasText: '作成しました' }).waitFor();

    // the new user is signed in elsewhere with the first password
    const elsewhere = await desktop(browser);
    await signIn(elsewhere.page, t.baseUrl, email, 'first-pass-2026');
    expect(new URL(elsewhere.page.url()).pathname).toBe('/loss-causes');

    await page.getByRole('button', { name: '相模 次郎を編集' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('表示名').fill('相模 次郎(UAゼンセン)');
    await dialog.getByLabel('役割').selectOption('federation');
    await dialog.getByLabel('構成組織').selectOption({ label: 'UAゼンセン' });
    expect(await dialog.getByRole('combobox', { name: '地域連合' }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
    await page.getByRole('cell', { name: '相模 次郎(UAゼンセン)', exact: true }).waitFor();
    const [saved] = (await t.request('GET', `/users?q=${encodeURIComponent(email)}`, { token: t.adminToken })).body.items;
    expect(saved).toMatchObject({ role: 'federation', regionalCouncilId: null, displayName: '相模 次郎(UAゼンセン)' });
    expect(saved.federationId).toBeTruthy();

    await page.getByRole('button', { name: '相模 次郎(UAゼンセン)を編集' }).click();
    await dialog.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'パスワードを再設定' }).click();
    await dialog.getByText('短すぎます。文字数を増やしてください').waitFor();
    await dialog.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill('second-pass-2026');
    await dialog.getByRole('button', { name: 'パスワードを再設定' }).click();
    await dialog.getByRole('status').filter({ hasText: 'パスワードを再設定しました' }).waitFor();
    await screenshot(page, 'users', { fullPage: false });
    expect(await seriousAxeFindings(page)).toEqual([]);

    // the session opened with the old password is over: the next screen asks to sign in
    await elsewhere.page.reload();
    await elsewhere.page.waitForURL(/\/login/);
    await elsewhere.context.close();
    expect((await t.request('POST', '/auth/login', { body: { email, password: 'first-pass-2026' } })).status).toBe(401);

    const fresh = await desktop(browser);
    await signIn(fresh.page, t.baseUrl, email, 'second-pass-2026');
    // now a federation officer: lands on 組合員数
    expect(new URL(fresh.page.url()).pathname).toBe('/members');
    await heading(fresh.page, '組合員数');
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();
    expect(problems).toEqual([]);
    await close();
  });

  it('leadership edits a milestone and adds an allocated goal; the difference on screen is the API’s', async () => {
    const { page, problems, close } = await as('leadership');
    await page.getByRole('navigation').getByRole('link', { name: '目標' }).click();
    await heading(page, '目標');
    const goals = (await t.request('GET', '/goals?limit=500', { token: t.adminToken })).body.items;
    const chapter = goals.find((g: any) => !g.scope.federationId && !g.scope.regionalCouncilId && !g.parentGoalId)!;
    const before = (await t.request('GET', `/goals/${chapter.id}/allocations`, { token: t.adminToken })).body;
    await page
      .getByTestId('allocation-difference')
      .filter({ hasText: differenceJa(before.difference) })
      .waitFor();

    // a milestone's target
    await page.getByRole('button', { name: `${chapter.name}を編集` }).click();
    const dialog = page.getByRole('dialog');
    const first = dialog.getByLabel('マイルストーン1の目標人数');
    const firstTarget = Number((await first.inputValue()).replace(/,/g, '')) + 500;
    await first.fill(numberJa(firstTarget));
    await dialog.getByRole('button', { name: 'マイルストーンを追加' }).click();
    const n = chapter.milestones.length + 1;
    await dialog.getByLabel(`マイルストーン${n}の名前`).fill('最終確認');
    await dialog.getByLabel(`マイルストーン${n}の目標人数`).fill('399000');
    expect(await dialog.getByLabel(`マイルストーン${n}の期日`).inputValue()).toBe(chapter.targetOn);
    await dialog.getByRole('button', { name: `マイルストーン${n}を削除` }).click();
    expect(await dialog.getByLabel(`マイルストーン${n}の名前`).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `「${chapter.name}」を保存しました` })
      .waitFor();
    const edited = (await t.request('GET', `/goals/${chapter.id}`, { token: t.adminToken })).body;
    expect(edited.milestones).toHaveLength(chapter.milestones.length);
    expect(edited.milestones.find((m: any) => m.name === chapter.milestones[0].name)!.targetMembers).toBe(firstTarget);
    expect(edited.version).toBe(chapter.version + 1);
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'goals');

    // a new goal allocated from the chapter's: the difference moves by its target
    await page.getByRole('button', { name: '目標を追加' }).click();
    await dialog.getByLabel('目標名').fill('湘南地域の拡大');
    await dialog.getByRole('textbox', { name: '目標人数', exact: true }).fill('１，２００');
    await dialog.getByLabel('期限').fill(chapter.targetOn);
    await dialog.getByLabel('対象の地域連合').selectOption({ label: '湘南地域連合' });
    await dialog.getByLabel('配分元の目標').selectOption({ label: chapter.name });
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '「湘南地域の拡大」を保存しました' }).waitFor();
    const after = (await t.request('GET', `/goals/${chapter.id}/allocations`, { token: t.adminToken })).body;
    expect(after.difference).toBe(before.difference + 1200);
    await page
      .getByTestId('allocation-difference')
      .filter({ hasText: differenceJa(after.difference) })
      .waitFor();
    await page.getByRole('cell', { name: '湘南地域の拡大' }).first().waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('a goal saved by someone else meanwhile: the editor reloads it and says what changed', async () => {
    const { page, problems, close } = await as('admin');
    await page.goto(`${t.baseUrl}/goals`);
    await heading(page, '目標');
    const goals = (await t.request('GET', '/goals?limit=500', { token: t.adminToken })).body.items;
    const goal = goals.find((g: any) => g.parentGoalId && g.milestones.length > 0) ?? goals.find((g: any) => g.milestones.length > 0)!;
    await page.getByRole('button', { name: `${goal.name}を編集` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('マイルストーン1の名前').fill('中間点(更新)');

    // meanwhile, someone else raises the target
    const other = await t.request('PATCH', `/goals/${goal.id}`, {
      token: t.adminToken,
      body: { targetMembers: goal.targetMembers + 3000, version: goal.version },
    });
    expect(other.status).toBe(200);

    await dialog.getByRole('button', { name: '保存' }).click();
    const notice = dialog.getByRole('alert').filter({ hasText: 'ほかの人が先に変更しました' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`目標人数: 現在は「${numberJa(goal.targetMembers + 3000)}人」`);
    expect(await notice.textContent()).not.toContain('マイルストーン:');
    // nothing of this person's edit was written
    expect((await t.request('GET', `/goals/${goal.id}`, { token: t.adminToken })).body.milestones.map((m: any) => m.name)).not.toContain('中間点(更新)');
    // the person's input is kept, and what they had not touched now shows the other's change
    expect(await dialog.getByLabel('マイルストーン1の名前').inputValue()).toBe('中間点(更新)');
    expect(await dialog.getByRole('textbox', { name: '目標人数', exact: true }).inputValue()).toBe(String(goal.targetMembers + 3000));
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: 'を保存しました' }).waitFor();
    const saved = (await t.request('GET', `/goals/${goal.id}`, { token: t.adminToken })).body;
    expect(saved.milestones.map((m: any) => m.name)).toContain('中間点(更新)');
    expect(saved.targetMembers).toBe(goal.targetMembers + 3000);
    expect(saved.version).toBe(goal.version + 2);
    expect(problems).toEqual([]);
    await close();
  });

  it('a federation officer opening another federation’s union by its address is told it is outside their scope', async () => {
    const { page, problems, close } = await as('federation');
    const me = (await t.request('GET', '/me', { token: await t.login(demo.federation.email, demo.federation.password) })).body;
    const unions = (await t.request('GET', '/unions?limit=500', { token: t.adminToken })).body.items;
    const theirs = unions.find((u: any) => u.federationId === me.federationId)!;
    const another = unions.find((u: any) => u.federationId && u.federationId !== me.federationId)!;

    await page.goto(`${t.baseUrl}/members?union=${another.id}`);
    await heading(page, '組合員数');
    const alert = page.getByRole('alert').filter({ hasText: '担当範囲の外' });
    await alert.waitFor();
    expect(await page.getByText(another.name).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // their own union by its address opens as usual
    await page.goto(`${t.baseUrl}/members?union=${theirs.id}`);
    await page.getByRole('heading', { level: 2, name: theirs.name }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '担当範囲の外' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
