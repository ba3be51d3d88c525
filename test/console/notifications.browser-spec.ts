import { createECDH, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as webpush from 'web-push';
import type { DemoLogin } from '../../src/demo/demo-users';
import { CONSOLE_DIR, desktop, phone, screenshot, seriousAxeFindings, signIn } from '../support/browser';
import { startConsoleOnDemo } from '../support/console-on-demo';
import { TestSmtp, startSmtp } from '../support/smtp';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';

/**
 * 通知設定 in a real browser against the real API: the morning mail and its hour saved, the
 * calendar address copied and replaced (the old one answers 404), 「プッシュ通知」 asking for
 * permission only when turned on, the service worker showing a push in Japanese, and an admin
 * disabling a user in ユーザー.
 */
describe('web console: 通知設定', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let browser: Browser;
  let demo: Record<string, DemoLogin>;
  let smtp: TestSmtp;
  const vapid = webpush.generateVAPIDKeys();

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ browser, t, demo } = await startConsoleOnDemo({
      // a real SMTP server on loopback: the admins' 「今すぐ送信」 (POST /admin/digests/run) sends through it
      smtpUrl: smtp.url,
      mailFrom: 'crm@test.rengo',
      vapid: { publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: 'mailto:ops@test.rengo' },
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  const tokenOf = (role: string): Promise<string> => t.login(demo[role].email, demo[role].password);

  /** 通知設定 as a person reaches it on a phone: the header's menu, then its link. */
  async function openOnPhone(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'メニューを開く' }).tap();
    await page.getByRole('navigation').getByRole('link', { name: '通知設定' }).tap();
    await page.getByRole('heading', { level: 1, name: '通知設定', exact: true }).waitFor();
  }

  /** The feed at `url` fetched as a calendar app would: only the path counts (the test app listens on its own port). */
  const fetchFeed = (url: string): Promise<Response> => fetch(`${t.baseUrl}${new URL(url).pathname}`);

  it('the organizer turns the morning mail on at 6時 and finds it saved after a reload', async () => {
    const { context, page, problems } = await phone(browser, { timeout: 20_000 });
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await openOnPhone(page);

    const mail = page.getByRole('switch', { name: '毎朝のメール' });
    expect(await mail.isChecked()).toBe(false);
    expect(await mail.isEnabled()).toBe(true);
    await mail.check();
    await page.getByLabel('送信時刻', { exact: true }).selectOption('6');
    await page.getByRole('button', { name: '保存' }).tap();
    await page.getByRole('status').filter({ hasText: '毎朝6時(日本時間)にメールでお知らせします' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '通知設定' }).waitFor();
    await page.getByRole('switch', { name: '毎朝のメール' }).waitFor();
    expect(await page.getByRole('switch', { name: '毎朝のメール' }).isChecked()).toBe(true);
    expect(await page.getByLabel('送信時刻', { exact: true }).inputValue()).toBe('6');
    const saved = await t.request('GET', '/me/notifications', { token: await tokenOf('organizer') });
    expect(saved.body).toMatchObject({ emailDigest: true, digestHour: 6 });

    // the 6時 run sends the mail; the screen then says when the last one went and how many it listed
    const run = await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 6 } });
    expect(run.status).toBe(200);
    const mine = smtp.received.filter((r) => r.to === demo.organizer.email);
    expect(mine).toHaveLength(1);
    const listed = (await t.request('GET', '/me/notifications', { token: await tokenOf('organizer') })).body.lastEmail?.items;
    expect(listed).toBeGreaterThan(0);
    await page.reload();
    await page.getByText(new RegExp(`前回のメール: \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 送信済み\\(${listed}件\\)`)).waitFor();

    // the calendar's address is on the screen too, and Google's slow refresh is said
    expect(await page.getByLabel('カレンダーのURL').inputValue()).toMatch(/\/calendar\/[^/]+\.ics$/);
    await page.getByText('数時間ごと').first().waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, 'notifications');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so, and disables the switch, on a server that sends no mail', async () => {
    // the same console on a server without SMTP_URL and VAPID keys (no demo needed: its admin signs in)
    const plain = await bootTestApp({ consoleDir: CONSOLE_DIR });
    try {
      const { context, page, problems } = await desktop(browser);
      await signIn(page, plain.baseUrl, ADMIN.email, ADMIN.password);
      await page.getByRole('banner').getByRole('link', { name: '通知設定' }).click();
      await page.getByRole('heading', { level: 1, name: '通知設定' }).waitFor();
      await page.getByRole('note').filter({ hasText: 'このサーバーではメールの送信が設定されていないため' }).waitFor();
      expect(await page.getByRole('switch', { name: '毎朝のメール' }).isDisabled()).toBe(true);
      expect(await page.getByRole('switch', { name: 'プッシュ通知' }).isDisabled()).toBe(true);
      expect(await seriousAxeFindings(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await plain.close();
    }
  });

  it('copies the calendar address, and 「URLを再発行」 replaces it: the old one answers 404 at once', async () => {
    const { context, page, problems } = await desktop(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await page.getByRole('banner').getByRole('link', { name: '通知設定' }).click();
    const field = page.getByLabel('カレンダーのURL');
    await field.waitFor();
    const before = await field.inputValue();
    expect((await fetchFeed(before)).status).toBe(200);
    expect(await (await fetchFeed(before)).text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'コピー' }).click();
    await page.getByRole('status').filter({ hasText: 'URLをコピーしました' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(before);

    // asked first; 「キャンセル」 changes nothing
    await page.getByRole('button', { name: 'URLを再発行' }).click();
    let dialog = page.getByRole('dialog', { name: 'URLを再発行しますか?' });
    await dialog.getByText('いまのURLはすぐに使えなくなり').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe(before);
    expect((await fetchFeed(before)).status).toBe(200);

    await page.getByRole('button', { name: 'URLを再発行' }).click();
    dialog = page.getByRole('dialog', { name: 'URLを再発行しますか?' });
    await dialog.getByRole('button', { name: '再発行する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '新しいURLを発行しました' }).waitFor();
    const after = await field.inputValue();
    expect(after).not.toBe(before);
    expect((await fetchFeed(before)).status).toBe(404);
    expect((await fetchFeed(after)).status).toBe(200);
    // and after a reload the new one is what the screen shows
    await page.reload();
    await field.waitFor();
    expect(await field.inputValue()).toBe(after);
    expect(problems).toEqual([]);
    await context.close();
  });

  /**
   * Headless Chromium has no push service (its profiles are incognito, where Chrome refuses
   * pushManager.subscribe), so the browser's PushManager is replaced by one that hands out a
   * subscription with real keys at a push service's address; the console's code and the API
   * run as they are. Counts the permission requests.
   */
  async function withStandInPushManager(context: BrowserContext): Promise<string> {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const endpoint = `https://fcm.googleapis.com/fcm/send/test-${randomBytes(8).toString('hex')}`;
    const keys = { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
    // page code, as text: the test's own TypeScript has no DOM
    await context.addInitScript(`(() => {
      const endpoint = ${JSON.stringify(endpoint)};
      const keys = ${JSON.stringify(keys)};
      window.__permissionAsked = 0;
      window.__unsubscribed = 0;
      const ask = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = () => {
        window.__permissionAsked++;
        return ask();
      };
      let current = null;
      PushManager.prototype.getSubscription = async () => current;
      PushManager.prototype.subscribe = async (options) => {
        const key = options.applicationServerKey;
        const applicationServerKey = key.buffer.slice(key.byteOffset, key.byteOffset + key.byteLength);
        current = {
          endpoint,
          expirationTime: null,
          options: { userVisibleOnly: true, applicationServerKey },
          toJSON: () => ({ endpoint, expirationTime: null, keys }),
          getKey: () => null,
          unsubscribe: async () => {
            window.__unsubscribed++;
            current = null;
            return true;
          },
        };
        return current;
      };
    })();`);
    return endpoint;
  }

  it('「プッシュ通知」 asks for permission only when turned on, stores this device, and forgets it when turned off', async () => {
    const { context, page, problems } = await phone(browser, { timeout: 20_000 });
    await context.grantPermissions(['notifications'], { origin: t.baseUrl });
    const endpoint = await withStandInPushManager(context);
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await openOnPhone(page);

    const push = page.getByRole('switch', { name: 'プッシュ通知' });
    await push.waitFor();
    await expect(push.isEnabled()).resolves.toBe(true);
    expect(await push.isChecked()).toBe(false);
    expect(await page.evaluate('window.__permissionAsked')).toBe(0);

    // the switch follows the outcome (it turns on once the device is registered), so it is clicked, not "checked"
    await push.click();
    await page.getByRole('status').filter({ hasText: 'この端末でプッシュ通知を受け取ります' }).waitFor();
    expect(await page.evaluate('window.__permissionAsked')).toBe(1);
    expect(await push.isChecked()).toBe(true);
    const stored = await t.db.query('SELECT user_id FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
    expect(stored).toHaveLength(1);
    const token = await tokenOf('organizer');
    expect((await t.request('GET', '/me/notifications', { token })).body).toMatchObject({ push: true });

    await push.click();
    await page.getByRole('status').filter({ hasText: 'この端末ではプッシュ通知を受け取りません' }).waitFor();
    expect(await page.evaluate('window.__unsubscribed')).toBe(1);
    expect(await t.db.query('SELECT 1 FROM push_subscriptions WHERE endpoint = $1', [endpoint])).toHaveLength(0);
    expect((await t.request('GET', '/me/notifications', { token })).body).toMatchObject({ push: false });
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says in Japanese how to allow notifications when the person refuses them', async () => {
    const { context, page } = await phone(browser, { timeout: 20_000 });
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    // the person answers 「許可しない」 to the browser's question
    await page.evaluate(`Notification.requestPermission = () => Promise.resolve('denied')`);
    await openOnPhone(page);
    await page.getByRole('switch', { name: 'プッシュ通知' }).click();
    await page.getByRole('alert').filter({ hasText: '通知が許可されていません' }).waitFor();
    expect(await page.getByRole('switch', { name: 'プッシュ通知' }).isChecked()).toBe(false);
    await context.close();
  });

  it('the service worker shows a push in Japanese, and a push without a payload as today’s reminder', async () => {
    const { context, page, problems } = await phone(browser, { timeout: 20_000 });
    await context.grantPermissions(['notifications'], { origin: t.baseUrl });
    await signIn(page, t.baseUrl, demo.organizer.email, demo.organizer.password);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');

    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + 10_000;
    while (!registrations.some((r) => !r.isDeleted && r.scopeURL === `${t.baseUrl}/`) && Date.now() < deadline) await page.waitForTimeout(100);
    const registration = registrations.find((r) => !r.isDeleted && r.scopeURL === `${t.baseUrl}/`);
    expect(registration).toBeDefined();

    const shown = (): Promise<{ title: string; body: string; lang: string; data: unknown; tag: string }[]> =>
      page.evaluate(
        'navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((all) => all.map((n) => ({ title: n.title, body: n.body, lang: n.lang, data: n.data, tag: n.tag })))',
      );
    const until = async (check: (all: { tag: string }[]) => boolean): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!check(await shown())) {
        if (Date.now() > deadline) throw new Error(`no such notification; shown: ${JSON.stringify(await shown())}`);
        await page.waitForTimeout(100);
      }
    };
    const payload = { title: '今日のフォローアップ 3件', body: '期限を過ぎた事業所が3件あります。', url: '/today', tag: 'digest-2026-12-08' };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: t.baseUrl, registrationId: registration!.registrationId, data: JSON.stringify(payload) });
    await until((all) => all.length > 0);
    expect(await shown()).toEqual([{ title: payload.title, body: payload.body, lang: 'ja', data: { url: '/today' }, tag: payload.tag }]);

    // nothing readable: a Japanese reminder that opens 今日; an address elsewhere is never opened
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: t.baseUrl, registrationId: registration!.registrationId, data: '' });
    await until((all) => all.some((n) => n.tag === 'rengo-reminder'));
    expect((await shown()).find((n) => n.tag === 'rengo-reminder')).toEqual({
      title: '組織拡大CRM',
      body: '今日のフォローアップがあります。開いて確認してください。',
      lang: 'ja',
      data: { url: '/today' },
      tag: 'rengo-reminder',
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: t.baseUrl,
      registrationId: registration!.registrationId,
      data: JSON.stringify({ title: '確認', url: 'https://evil.example/phish', tag: 'elsewhere' }),
    });
    await until((all) => all.some((n) => n.tag === 'elsewhere'));
    expect((await shown()).find((n) => n.tag === 'elsewhere')?.data).toEqual({ url: '/today' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin disables a user in ユーザー: asked first, shown as 無効, and the user can no longer sign in or read their calendar', async () => {
    const email = `leaver-${randomBytes(4).toString('hex')}@test.rengo`;
    const password = 'leaver-password-1';
    const created = await t.request('POST', '/users', { token: t.adminToken, body: { email, password, displayName: '退職 予定', role: 'leadership' } });
    expect(created.status).toBe(201);
    const feed = (await t.request('GET', '/me/calendar', { token: await t.login(email, password) })).body.url;
    expect((await fetchFeed(feed)).status).toBe(200);

    const { context, page, problems } = await desktop(browser);
    await signIn(page, t.baseUrl, demo.admin.email, demo.admin.password);
    await page.getByRole('navigation').getByRole('link', { name: 'ユーザー' }).click();
    await page.getByRole('heading', { level: 1, name: 'ユーザー' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: '退職 予定を編集' }).click();
    const editor = page.getByRole('dialog', { name: '退職 予定さんを編集' });
    await editor.getByRole('button', { name: '無効にする' }).click();
    const confirm = page.getByRole('dialog', { name: '退職 予定さんを無効にしますか?' });
    await confirm.getByText('すぐにログインできなくなり').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await confirm.getByRole('button', { name: '無効にする' }).click();
    await page.getByRole('status').filter({ hasText: '退職 予定さんを無効にしました。' }).waitFor();
    await row.getByText('無効', { exact: true }).waitFor();

    expect((await t.request('POST', '/auth/login', { body: { email, password } })).status).toBe(401);
    expect((await fetchFeed(feed)).status).toBe(404);
    expect((await t.request('GET', `/users/${created.body.id}`, { token: t.adminToken })).body).toMatchObject({ disabled: true });
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // the user, trying to sign in, is told why in Japanese
    const leaver = await desktop(browser);
    await leaver.page.goto(`${t.baseUrl}/login`);
    await leaver.page.getByLabel('メールアドレス').fill(email);
    await leaver.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(password);
    await leaver.page.getByRole('button', { name: 'ログイン' }).click();
    await leaver.page.getByRole('alert').filter({ hasText: '利用停止されています' }).waitFor();
    expect(leaver.page.url()).toContain('/login');
    await leaver.context.close();

    // on the user's own page: 無効 beside the name, and 「有効に戻す」 lets them sign in again (and their calendar address answers again: the API keeps its token)
    const again = await desktop(browser);
    await signIn(again.page, t.baseUrl, demo.admin.email, demo.admin.password);
    await again.page.goto(`${t.baseUrl}/admin/users/${created.body.id}`);
    await again.page.getByRole('heading', { level: 1, name: '退職 予定' }).waitFor();
    await again.page.getByText('無効', { exact: true }).waitFor();
    await again.page.getByRole('button', { name: '有効に戻す' }).click();
    await again.page.getByRole('status').filter({ hasText: '退職 予定さんを有効に戻しました。' }).waitFor();
    await again.page.getByRole('button', { name: '無効にする' }).waitFor();
    expect(await again.page.getByText('無効', { exact: true }).count()).toBe(0);
    expect((await t.request('POST', '/auth/login', { body: { email, password } })).status).toBe(200);
    expect((await fetchFeed(feed)).status).toBe(200);
    expect(again.problems).toEqual([]);
    await again.context.close();
  });
});
