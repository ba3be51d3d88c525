import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, BrowserContextOptions, Page, chromium } from 'playwright-core';

/** The console as `npm run build` leaves it; the browser tests serve exactly that. */
export const CONSOLE_DIR = join(__dirname, '..', '..', 'dist', 'web');
export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless (playwright-core downloads no browser of its own). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is missing: run `bash scripts/ensure-chromium.sh`');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=ja-JP'],
  });
}

/** A fresh page in a new profile; anything the Content-Security-Policy refused, and any uncaught error, is collected in `problems` (tests expect none). */
async function consolePage(
  browser: Browser,
  options: BrowserContextOptions,
  timeout: number,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** A fresh browser profile at desktop size, in Japanese and Japan time; asking for reduced motion, so axe never checks a dialog half faded in. */
export function desktop(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return consolePage(browser, { viewport: { width: 1440, height: 900 } }, 15_000);
}

/** A fresh phone: 390×844, touch, Japanese, Japan time; its service worker allowed unless blocked. */
export function phone(
  browser: Browser,
  { serviceWorkers = 'allow', timeout = 15_000 }: { serviceWorkers?: 'allow' | 'block'; timeout?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return consolePage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, serviceWorkers }, timeout);
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Serious and critical axe findings (WCAG 2.1 A/AA) on the page as it is. */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * A full-page picture of the screen for docs/screenshots (charts drawn first), when asked
 * for with CONSOLE_SCREENSHOTS=1 (`npm run screenshots`): the pictures are committed, and
 * rewriting them on every test run would only churn them.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (!process.env.CONSOLE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const chart of await page.locator('[role="img"][aria-label]').all()) {
    if (await chart.evaluate((el) => el.tagName === 'DIV')) await chart.locator('svg').first().waitFor({ timeout: 10_000 });
  }
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
