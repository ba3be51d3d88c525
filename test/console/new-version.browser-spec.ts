import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR, launchChromium, phone, screenshot, seriousAxeFindings } from '../support/browser';
import { TestApp, bootTestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * A phone keeps the installed console open for days: when a new version is deployed, the
 * console says so and switches only when the person presses 「更新」. The API serves a copy
 * of the build, which the test then "deploys" again with a changed service worker.
 */
describe('a new version of the console', () => {
  let browser: Browser;
  let t: TestApp;
  let consoleDir: string;

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'console-next-'));
    cpSync(CONSOLE_DIR, consoleDir, { recursive: true });
    browser = await launchChromium();
    t = await bootTestApp({ consoleDir });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  /** What a deployment changes for the browser: the service worker's bytes (its precache list). */
  function deployNextVersion(): void {
    appendFileSync(join(consoleDir, 'sw.js'), '\n// next version\n');
    rmSync(join(consoleDir, 'sw.js.br'), { force: true });
    rmSync(join(consoleDir, 'sw.js.gz'), { force: true });
  }

  it('is offered with 「更新」 and taken only when the person presses it', async () => {
    const { context, page, problems } = await phone(browser, { timeout: 20_000 });

    await page.goto(`${t.baseUrl}/login`);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    // opened again, as every day after the first: the page now runs under the service worker
    await page.reload();
    expect(await page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
    const notice = page.getByRole('region', { name: '新しい版' });
    expect(await notice.count()).toBe(0);

    deployNextVersion();
    // the console looks again when it comes back into view; the test asks at once
    await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.update())');
    await notice.getByText('新しい版があります').waitFor();
    expect(await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))')).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // 「あとで」 keeps the running version
    await notice.getByRole('button', { name: 'あとで' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))')).toBe(true);

    // the next look offers it again; 「更新」 switches and reloads
    await page.reload();
    await notice.getByText('新しい版があります').waitFor();
    await screenshot(page, 'new-version');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '更新' }).click()]);
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    expect(await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => [Boolean(r.waiting), Boolean(r.active)])')).toEqual([false, true]);
    expect(await notice.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
