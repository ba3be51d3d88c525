import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { DemoLogin } from '../../src/demo/demo-users';
import { phone, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestApp } from '../support/test-app';

interface Prospect {
  id: string;
  employerName: string;
  stage: string;
  version: number;
}

/**
 * The organizer's phone without a signal, in a real browser at phone size against the real
 * API: what is recorded offline waits in the outbox (「送信待ち N件」), survives a reload made
 * offline (the service worker serves the app), and reaches the API exactly once and in order
 * when the connection is back; what the API refuses then stays as 要対応 with its reason.
 */
describe('the organizer’s phone offline', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;
  let mine: Prospect[];
  const taken = new Set<string>();

  beforeAll(async () => {
    ({ browser, t, demo } = await startConsoleOnDemo());
    const login = await t.request('POST', '/auth/login', { body: { email: demo.organizer.email, password: demo.organizer.password } });
    const list = await t.request('GET', `/prospects?assignedOrganizerId=${login.body.user.id}&limit=500`, { token: t.adminToken });
    mine = list.body.items;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The next stage of each stage an organizer moves forward from, with its label. */
  const NEXT: Record<string, { stage: string; label: string }> = {
    identified: { stage: 'contacted', label: '接触' },
    contacted: { stage: 'engaged', label: '相談・関係づくり' },
    engaged: { stage: 'committee', label: '結成準備会' },
  };

  /** A workplace assigned to the demo organizer that can move one stage forward, not yet used by another test. */
  function workplace(): Prospect & { next: { stage: string; label: string } } {
    const found = mine.find((p) => NEXT[p.stage] && !taken.has(p.id));
    if (!found) throw new Error('the demo has no more open workplaces for the organizer');
    taken.add(found.id);
    return { ...found, next: NEXT[found.stage] };
  }

  /** The organizer on a fresh phone (390×844, touch), signed in, the app installed (service worker active). */
  async function organizerOnPhone(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const { context, page, problems } = await phone(browser, { serviceWorkers: options.serviceWorkers, timeout: 20_000 });
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    if (options.serviceWorkers !== 'block') await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    return { context, page, problems };
  }

  async function openWorkplace(page: Page, prospect: Prospect): Promise<void> {
    await page.goto(`${t.baseUrl}/prospects/${prospect.id}`);
    await page.getByRole('heading', { level: 1, name: prospect.employerName }).waitFor();
  }

  /** Logs a visit with only 内容 filled, through the visit form. */
  async function logVisit(page: Page, summary: string): Promise<void> {
    await page.getByRole('button', { name: '訪問を記録' }).tap();
    const form = page.getByRole('dialog', { name: '訪問を記録' });
    await form.getByLabel('内容').fill(summary);
    await form.getByRole('button', { name: '保存' }).tap();
    await form.waitFor({ state: 'detached' });
  }

  async function moveStage(page: Page, stage: string, stageLabel: string): Promise<void> {
    await page.getByRole('button', { name: 'ステージを変更' }).tap();
    const dialog = page.getByRole('dialog', { name: 'ステージを変更' });
    await dialog.getByLabel('変更後のステージ').selectOption(stage);
    await dialog.getByRole('button', { name: `${stageLabel}に変更` }).tap();
    await dialog.waitFor({ state: 'detached' });
  }

  const waitingStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^送信待ち \d+件$/ });
  async function expectWaiting(page: Page, count: number): Promise<void> {
    await page
      .getByRole('status')
      .filter({ hasText: `送信待ち ${count}件` })
      .waitFor();
  }

  const visitsWith = async (prospectId: string, summary: string) =>
    ((await t.request('GET', `/visits?prospectId=${prospectId}&limit=500`, { token: t.adminToken })).body.items as { id: string; summary: string }[]).filter(
      (v) => v.summary === summary,
    );

  it('keeps a visit logged offline through a reload made offline, and sends it once when the signal is back', async () => {
    const prospect = workplace();
    const summary = '地下の休憩室で3名と話した(圏外)';
    const { context, page, problems } = await organizerOnPhone();
    await openWorkplace(page, prospect);

    await context.setOffline(true);
    await logVisit(page, summary);
    await expectWaiting(page, 1);
    await page.getByRole('status').filter({ hasText: '送信待ちに入れました' }).waitFor();
    expect(await visitsWith(prospect.id, summary)).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'organizer-offline', { fullPage: false });

    // still without a signal, the page is reloaded: the service worker serves the app, the outbox is still there
    await page.reload();
    await expectWaiting(page, 1);
    expect(await visitsWith(prospect.id, summary)).toEqual([]);

    await context.setOffline(false);
    await waitingStatus(page).waitFor({ state: 'detached' });
    expect(await visitsWith(prospect.id, summary)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not double a visit whose first send reached the API but whose answer was lost', async () => {
    const prospect = workplace();
    const summary = '門の前で声かけ。答えが途中で途切れた。';
    // the interception is the page's own (a service worker would take the request first)
    const { context, page, problems } = await organizerOnPhone({ serviceWorkers: 'block' });
    await openWorkplace(page, prospect);
    const keys: string[] = [];
    await page.route(`**/api/v1/prospects/${prospect.id}/visits`, async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch(); // the API writes the visit ...
      await route.abort('internetdisconnected'); // ... and its answer never reaches the phone
    });

    await logVisit(page, summary);
    await expectWaiting(page, 1);
    // the outbox tries again by itself a moment later, with the same key
    await waitingStatus(page).waitFor({ state: 'detached' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await visitsWith(prospect.id, summary)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a stage move the API refuses on replay as 要対応 with its Japanese reason, and keeps it until discarded', async () => {
    const prospect = workplace();
    const { context, page, problems } = await organizerOnPhone();
    await openWorkplace(page, prospect);

    await context.setOffline(true);
    await moveStage(page, prospect.next.stage, prospect.next.label);
    await expectWaiting(page, 1);
    // meanwhile council staff move the same workplace (the same step, with a note of their own)
    const meanwhile = await t.request('POST', `/prospects/${prospect.id}/stage`, {
      token: t.adminToken,
      body: { stage: prospect.next.stage, note: '事務局が先に変更', version: prospect.version },
    });
    expect(meanwhile.status).toBe(200);

    await context.setOffline(false);
    const attention = page.getByRole('button', { name: '要対応 1件' });
    await attention.waitFor();
    await waitingStatus(page).waitFor({ state: 'detached' });
    const after = (await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body;
    expect([after.stage, after.version]).toEqual([prospect.next.stage, prospect.version + 1]);

    // not dropped: still there after a reload
    await page.reload();
    await attention.tap();
    const list = page.getByRole('dialog', { name: '送信できなかった記録(要対応)' });
    const item = list.getByRole('region', { name: /^ステージ変更/ });
    await item.getByText('送信する前に、ほかの人がこの記録を変更しました').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'organizer-outbox-attention', { fullPage: false });

    // 再送 sends it again (still refused: it stays); 破棄 removes it, because the person asked
    await item.getByRole('button', { name: /^再送/ }).tap();
    await item.getByText('送信する前に、ほかの人がこの記録を変更しました').waitFor();
    expect(await attention.isVisible()).toBe(true);
    await item.getByRole('button', { name: /^破棄/ }).tap();
    await attention.waitFor({ state: 'detached' });
    const history = (await t.request('GET', `/prospects/${prospect.id}/history`, { token: t.adminToken })).body.items as { note: string | null }[];
    expect(history.at(-1)?.note).toBe('事務局が先に変更');
    expect((await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body.version).toBe(prospect.version + 1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends two visits and a stage move recorded offline once each, in the order they were recorded', async () => {
    const prospect = workplace();
    const [first, second] = ['一度目の訪問(圏外)', '二度目の訪問(圏外)'];
    const { context, page, problems } = await organizerOnPhone();
    await openWorkplace(page, prospect);
    // only what this test records counts: the demo's own earlier moves of the workplace are dated before it
    const [{ since }] = await t.db.query(`SELECT clock_timestamp() AS since`);

    await context.setOffline(true);
    await logVisit(page, first);
    await logVisit(page, second);
    await moveStage(page, prospect.next.stage, prospect.next.label);
    await expectWaiting(page, 3);

    await context.setOffline(false);
    await waitingStatus(page).waitFor({ state: 'detached' });
    const [a] = await visitsWith(prospect.id, first);
    const [b] = await visitsWith(prospect.id, second);
    expect((await visitsWith(prospect.id, first)).length + (await visitsWith(prospect.id, second)).length).toBe(2);
    const moved = (await t.request('GET', `/prospects/${prospect.id}`, { token: t.adminToken })).body;
    expect(moved.stage).toBe(prospect.next.stage);
    const order = await t.db.query(
      `SELECT what FROM (
         SELECT 'visit:' || summary AS what, created_at AS at FROM visits WHERE id IN ($1, $2)
         UNION ALL SELECT 'stage:' || to_stage, changed_at FROM prospect_stage_changes WHERE prospect_id = $3 AND kind = 'moved' AND changed_at >= $4
       ) recorded ORDER BY at`,
      [a.id, b.id, prospect.id, since],
    );
    expect(order.map((r: { what: string }) => r.what)).toEqual([`visit:${first}`, `visit:${second}`, `stage:${prospect.next.stage}`]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
