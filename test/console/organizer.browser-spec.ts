import type { Browser, Locator, Page } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { tokyoToday } from '../../src/platform/time/tokyo-date';
import { desktop, phone as phoneIn, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

/**
 * The organizer's phone tool in a real browser at phone size (390×844, touch), against the
 * real API with the demo loaded: 今日, 事業所詳細, the visit form, stage moves, and council
 * staff's board of the same workplaces.
 */
describe('the organizer’s phone screens in a browser', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;
  let organizerId: string;

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
    const login = await t.request('POST', '/auth/login', { body: { email: demo.organizer.email, password: demo.organizer.password } });
    organizerId = login.body.user.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const phone = () => phoneIn(browser);

  async function organizerOnPhone(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await phone();
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    return { page, problems, close: () => context.close() };
  }

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  /** Nothing on the screen is wider than the phone. */
  async function noSidewaysScroll(page: Page): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  }

  /** Presses Tab until `target` has the focus (keyboard only). */
  async function tabTo(page: Page, target: Locator): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the control');
  }

  const visitsOf = async (prospectId: string) =>
    (await t.request('GET', `/visits?prospectId=${prospectId}&limit=500`, { token: t.adminToken })).body.items as {
      id: string;
      summary: string;
      kind: string;
      outcome: string | null;
      supportLevel: number | null;
      occurredOn: string;
      organizerId: string;
      nextActionOn: string | null;
    }[];

  const prospectOfOrganizer = async (stage: string): Promise<{ id: string; employerName: string; version: number }> => {
    const answer = await t.request('GET', `/prospects?assignedOrganizerId=${organizerId}&stage=${stage}&limit=500`, { token: t.adminToken });
    expect(answer.body.items.length).toBeGreaterThan(0);
    return answer.body.items[0];
  };

  it('gives the demo organizer follow-ups due today and overdue, and workplaces in several stages', async () => {
    const login = await t.request('POST', '/auth/login', { body: { email: demo.organizer.email, password: demo.organizer.password } });
    const followUps = await t.request('GET', '/follow-ups?limit=500', { token: login.body.accessToken });
    const overdue = followUps.body.items.map((f: { daysOverdue: number }) => f.daysOverdue);
    expect(overdue).toContain(0);
    expect(overdue.some((d: number) => d > 0)).toBe(true);
    const mine = await t.request('GET', `/prospects?assignedOrganizerId=${organizerId}&limit=500`, { token: t.adminToken });
    expect(new Set(mine.body.items.map((p: { stage: string }) => p.stage)).size).toBeGreaterThanOrEqual(4);
  });

  it('lands on 今日, opens a follow-up, and saves a visit with only 内容 filled', async () => {
    const { page, problems, close } = await organizerOnPhone();
    expect(new URL(page.url()).pathname).toBe('/today');
    await heading(page, '今日');
    const first = page.getByTestId('follow-up').first();
    await first.waitFor();
    // oldest first, overdue marked, with what the last visit found
    await expect(first.textContent()).resolves.toMatch(/日超過/);
    await expect(first.textContent()).resolves.toMatch(/前回 \d{4}年\d{1,2}月\d{1,2}日/);
    await noSidewaysScroll(page);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'organizer-today');

    await first.tap();
    await page.waitForURL(/\/prospects\/[0-9a-f-]{36}$/);
    const prospectId = new URL(page.url()).pathname.split('/').pop() as string;
    const prospect = (await t.request('GET', `/prospects/${prospectId}`, { token: t.adminToken })).body;
    await heading(page, prospect.employerName);
    await page.getByRole('group', { name: 'ステージ' }).waitFor();
    await noSidewaysScroll(page);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'organizer-prospect');

    const before = await visitsOf(prospectId);
    await page.getByRole('button', { name: '訪問を記録' }).tap();
    const form = page.getByRole('dialog', { name: '訪問を記録' });
    await form.waitFor();
    await expect(form.getByLabel('日付').inputValue()).resolves.toBe(tokyoToday());
    await expect(form.getByLabel('種別').inputValue()).resolves.toBe('visit');
    await form.getByRole('radiogroup', { name: '結果' }).waitFor();
    await form.getByRole('radiogroup', { name: '支持度' }).getByText('1 積極支持').waitFor();
    await form.getByLabel('次回予定日').waitFor();
    await noSidewaysScroll(page);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'organizer-visit', { fullPage: false });

    await form.getByLabel('内容').fill('昼休みに3名と立ち話。シフトの不満が強い。');
    await form.getByRole('button', { name: '保存' }).tap();
    await page.getByRole('status').filter({ hasText: '訪問の記録を保存しました' }).waitFor();
    const after = await visitsOf(prospectId);
    expect(after).toHaveLength(before.length + 1);
    const added = after.filter((v) => !before.some((b) => b.id === v.id));
    expect(added).toEqual([
      expect.objectContaining({
        summary: '昼休みに3名と立ち話。シフトの不満が強い。',
        kind: 'visit',
        occurredOn: tokyoToday(),
        outcome: null,
        supportLevel: null,
        nextActionOn: null,
        organizerId,
      }),
    ]);
    // the new visit is on the screen
    await page.getByTestId('visit').filter({ hasText: 'シフトの不満が強い' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('logs a visit with the keyboard alone, and an organizer corrects their own visit', async () => {
    const { page, problems, close } = await organizerOnPhone();
    const prospect = await prospectOfOrganizer('engaged');
    await page.goto(`${t.baseUrl}/prospects/${prospect.id}`);
    await heading(page, prospect.employerName);
    const before = await visitsOf(prospect.id);

    await tabTo(page, page.getByRole('button', { name: '訪問を記録' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: '訪問を記録' });
    await form.waitFor();
    await tabTo(page, form.getByRole('radio', { name: '面談' }));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('radio', { name: '2 支持' }));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByLabel('内容'));
    await page.keyboard.type('有志4名と面談。');
    await tabTo(page, form.getByRole('button', { name: '保存' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '訪問の記録を保存しました' }).waitFor();

    const after = await visitsOf(prospect.id);
    const added = after.filter((v) => !before.some((b) => b.id === v.id));
    expect(added).toEqual([expect.objectContaining({ summary: '有志4名と面談。', outcome: 'meeting_held', supportLevel: 2, kind: 'visit' })]);

    // the author corrects it (PATCH /visits/:id)
    await page
      .getByRole('button', { name: /の訪問記録を修正$/ })
      .first()
      .tap();
    const edit = page.getByRole('dialog', { name: '訪問記録の修正' });
    await expect(edit.getByLabel('内容').inputValue()).resolves.toBe('有志4名と面談。');
    await edit.getByLabel('内容').fill('有志4名と面談。次回は職場の地図を作る。');
    await edit.getByRole('button', { name: '保存' }).tap();
    await page.getByRole('status').filter({ hasText: '訪問記録の修正を保存しました' }).waitFor();
    const corrected = (await visitsOf(prospect.id)).find((v) => v.id === added[0].id);
    expect(corrected?.summary).toBe('有志4名と面談。次回は職場の地図を作る。');
    expect(await visitsOf(prospect.id)).toHaveLength(before.length + 1);
    expect(problems).toEqual([]);
    await close();
  });

  it('moves a stage one step, and explains in Japanese a move the API refuses', async () => {
    const { page, problems, close } = await organizerOnPhone();
    const prospect = await prospectOfOrganizer('contacted');
    await page.goto(`${t.baseUrl}/prospects/${prospect.id}`);
    await heading(page, prospect.employerName);

    await page.getByRole('button', { name: 'ステージを変更' }).tap();
    const dialog = page.getByRole('dialog', { name: 'ステージを変更' });
    await dialog.getByText('ステージは1段階ずつ進めるか').waitFor();
    // a jump of two is refused, with the rule
    await dialog.getByLabel('変更後のステージ').selectOption('committee');
    await dialog.getByRole('alert').filter({ hasText: 'ステージは1段階ずつしか動かせません' }).waitFor();
    expect(await dialog.getByRole('button', { name: /に変更$/ }).count()).toBe(0);
    // 加盟 only from 結成, through the affiliation
    await dialog.getByLabel('変更後のステージ').selectOption('affiliated');
    await dialog.getByRole('alert').filter({ hasText: '「加盟」には「結成」からだけ' }).waitFor();
    await noSidewaysScroll(page);
    expect((await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body.stage).toBe('contacted');

    // one step forward
    await dialog.getByLabel('変更後のステージ').selectOption('engaged');
    await dialog.getByRole('button', { name: '相談・関係づくりに変更' }).tap();
    await page.getByRole('status').filter({ hasText: 'ステージの変更を保存しました' }).waitFor();
    const moved = (await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body;
    expect([moved.stage, moved.version]).toEqual(['engaged', prospect.version + 1]);
    await page.locator('[aria-current="step"]').filter({ hasText: '相談・関係づくり' }).waitFor();
    await page.getByText('接触 → 相談・関係づくり').waitFor();

    // a stale screen: someone else moved it meanwhile; the API's 409 is explained and the screen catches up
    await t.request('POST', `/prospects/${prospect.id}/stage`, { token: t.adminToken, body: { stage: 'committee', version: moved.version } });
    await page.getByRole('button', { name: 'ステージを変更' }).tap();
    await dialog.getByLabel('変更後のステージ').selectOption('contacted');
    await dialog.getByRole('button', { name: '接触に変更' }).tap();
    await dialog.getByRole('alert').filter({ hasText: 'ほかの人が先に' }).waitFor();
    expect((await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body.stage).toBe('committee');
    expect(problems).toEqual([]);
    await close();
  });

  it('never submits on the Enter that confirms a Japanese conversion', async () => {
    const { context, page, problems } = await phone();
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.goto(`${t.baseUrl}/prospects/new`);
    await heading(page, '新規事業所');
    const count = async () => (await t.request('GET', '/prospects?q=かなで&limit=10', { token: t.adminToken })).body.total;
    const name = page.getByLabel('事業主名');
    await name.fill('株式会社かなで');
    await page.getByLabel('推定従業員数').fill('40');
    await name.focus();
    await name.dispatchEvent('compositionstart', { data: '' });
    await page.keyboard.press('Enter');
    await name.dispatchEvent('compositionend', { data: 'かなで' });
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/prospects/new');
    expect(await count()).toBe(0);
    // the same Enter after the conversion submits
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/prospects\/[0-9a-f-]{36}$/);
    await heading(page, '株式会社かなで');
    expect(await count()).toBe(1);
    await noSidewaysScroll(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows council staff the same workplaces on a board by stage', async () => {
    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    const prospect = await prospectOfOrganizer('identified');
    await page.getByRole('navigation').getByRole('link', { name: '担当事業所' }).click();
    await heading(page, '担当事業所');
    const board = page.getByTestId('prospects-board');
    const column = board.getByRole('region', { name: '候補把握', exact: true });
    await column.getByRole('link', { name: new RegExp(prospect.employerName) }).waitFor();
    for (const stage of ['接触', '相談・関係づくり', '結成準備会', '結成', '加盟', '保留', '断念'])
      await board.getByRole('region', { name: stage, exact: true }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'prospects-board');

    // search by reading
    const kana = (await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body.employerNameKana as string;
    await page.getByLabel('事業所を検索').fill(kana.slice(0, 4));
    await board.getByRole('link', { name: new RegExp(prospect.employerName) }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // and on a phone the board is stacked, never wider than the screen
    const small = await phone();
    await signIn(small.page, t.baseUrl, demo.regional.email, demo.regional.password);
    await small.page.goto(`${t.baseUrl}/prospects`);
    await small.page
      .getByTestId('prospects-board')
      .getByRole('link', { name: new RegExp(prospect.employerName) })
      .waitFor();
    await noSidewaysScroll(small.page);
    await small.context.close();
  });

  it('lets council staff affiliate a founded workplace with its members by employment type, counted once', async () => {
    const { context, page, problems } = await phone();
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    const founded = (await t.request('GET', `/prospects?stage=founded&assignedOrganizerId=${organizerId}&limit=10`, { token: t.adminToken })).body.items[0];
    await page.goto(`${t.baseUrl}/prospects/${founded.id}`);
    await heading(page, founded.employerName);
    await page.getByRole('button', { name: 'ステージを変更' }).tap();
    const dialog = page.getByRole('dialog', { name: 'ステージを変更' });
    await dialog.getByLabel('変更後のステージ').selectOption('affiliated');
    const form = dialog.getByRole('form', { name: '加盟手続' });
    await form.getByLabel('組合名').fill('かなでテスト労働組合');
    await form.getByLabel('正社員', { exact: true }).fill('12');
    await form.getByLabel('パートタイム', { exact: true }).fill('２０');
    await form.getByText('合計 32名').waitFor();
    await noSidewaysScroll(page);
    await form.getByRole('button', { name: '加盟を記録' }).tap();
    await page.getByRole('status').filter({ hasText: 'ステージの変更を保存しました' }).waitFor();

    const after = (await t.request('GET', `/prospects/${founded.id}`, { token: t.adminToken })).body;
    expect(after.stage).toBe('affiliated');
    const union = (await t.request('GET', `/unions/${after.unionId}`, { token: t.adminToken })).body;
    expect(union.name).toBe('かなでテスト労働組合');
    // the ledger holds the new members once, by employment type
    const changes = (await t.request('GET', `/membership-changes?unionId=${after.unionId}&limit=50`, { token: t.adminToken })).body.items as {
      cause: string;
      employmentType: string;
      delta: number;
    }[];
    expect(changes.map((c) => [c.cause, c.employmentType, c.delta]).sort()).toEqual([
      ['new_organizing', 'part_time', 20],
      ['new_organizing', 'regular', 12],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps worker names and contact details out of consultations, saying so before and at the field', async () => {
    const { context, page, problems } = await phone();
    await signIn(page, t.baseUrl, demo.regional.email, demo.regional.password);
    await page.goto(`${t.baseUrl}/consultations`);
    await heading(page, 'まちかど労働相談');
    await expect(page.getByTestId('privacy-notice').textContent()).resolves.toContain('氏名・電話番号・メールアドレス');
    // the chips are labels over visually hidden checkboxes: tap the label
    await page.locator('label', { hasText: '雇止め' }).tap();
    await expect(page.getByRole('checkbox', { name: '雇止め' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('相談の内容').fill('契約更新されないと言われた。本人 090-1234-5678');
    await page.getByRole('button', { name: '相談を記録' }).tap();
    const field = page.getByLabel('相談の内容');
    await page.getByText('連絡先(メールアドレス・電話番号・郵便番号)が含まれています').waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const before = (await t.request('GET', '/consultations?limit=1', { token: t.adminToken })).body.total;

    await field.fill('契約更新されないと言われた。同じ職場に10名ほど同じ立場の人がいる。');
    await page.getByRole('button', { name: '相談を記録' }).tap();
    await page.getByRole('status').filter({ hasText: '相談を記録しました' }).waitFor();
    expect((await t.request('GET', '/consultations?limit=1', { token: t.adminToken })).body.total).toBe(before + 1);
    await noSidewaysScroll(page);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
