import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import { chromium } from 'playwright-core';
import type { DemoLogin } from '../src/demo/demo-users';
import { recreateDatabase } from './lib/database';
import { demoLogin, loadDemo } from './lib/demo';
import { startProcess, stop, waitForHealth } from './lib/processes';
import { line, ms, summarize } from './lib/stats';

/**
 * The console's weight and speed: `npm run build && npm run bench:console`. Builds its own
 * database (rengo_console_bench) with the demo, starts the compiled API serving dist/web,
 * and prints (1) the JavaScript the sign-in page loads, as bytes over the wire (gzip, and
 * brotli as browsers get it) against a budget of 350 KB, and (2) the dashboard's time to
 * show its numbers in Chromium. Asserts nothing.
 */
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3998);
const baseUrl = `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_BYTES = 350 * 1024;

/** Bytes of the body as sent (not decoded), asking for one encoding. */
function wireBytes(path: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The scripts the sign-in page's HTML loads before anything else (entry and preloads). */
async function signInScripts(): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/login`, { headers: { accept: 'text/html' } })).text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  return [...new Set(scripts)];
}

async function measureWeight(): Promise<void> {
  const scripts = await signInScripts();
  let gzip = 0;
  let brotli = 0;
  let raw = 0;
  for (const script of scripts) {
    gzip += await wireBytes(script, 'gzip');
    brotli += await wireBytes(script, 'br');
    raw += await wireBytes(script, 'identity');
  }
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('\nSign-in page JavaScript (over the wire)');
  line('scripts', String(scripts.length));
  line('uncompressed', kb(raw));
  line('gzip', `${kb(gzip)} (budget ${kb(BUDGET_BYTES)}: ${gzip <= BUDGET_BYTES ? 'within' : 'OVER'})`);
  line('brotli (what browsers receive)', kb(brotli));
}

async function measureDashboard(leadership: DemoLogin): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const cold: number[] = [];
  const warm: number[] = [];
  let dashboardJs = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
      const page = await context.newPage();
      let js = 0;
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) js += Number(response.headers()['content-length'] ?? 0);
      });
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('メールアドレス').fill(leadership.email);
      await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(leadership.password);
      // from pressing ログイン to the goal's figures and every chart on screen, first visit (nothing cached but the sign-in page)
      let start = Date.now();
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByTestId('goal-current-members').waitFor();
      await page.locator('div[role="img"] svg').first().waitFor();
      cold.push(Date.now() - start);
      dashboardJs = js;
      // again, with the scripts cached: a reload of the dashboard
      start = Date.now();
      await page.reload();
      await page.getByTestId('goal-current-members').waitFor();
      await page.locator('div[role="img"] svg').first().waitFor();
      warm.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const c = summarize(cold);
  const w = summarize(warm);
  console.log(`\nDashboard on the demo data (${RUNS} runs, Chromium headless)`);
  line('sign-in to numbers and charts shown, p50', `${ms(c.p50)} (max ${ms(c.max)})`);
  line('reload to numbers and charts shown, p50', `${ms(w.p50)} (max ${ms(w.max)})`);
  line('JavaScript loaded by then (as sent)', `${(dashboardJs / 1024).toFixed(1)} KB`);
}

async function main(): Promise<void> {
  const url = await recreateDatabase(server, 'rengo_console_bench');
  const logins = await loadDemo(url);
  const leadership = demoLogin(logins, 'leadership');
  const api = startProcess('api', { DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', QUEUE_PREFIX: 'console_bench' });
  try {
    await waitForHealth(baseUrl);
    await measureWeight();
    await measureDashboard(leadership);
  } finally {
    await stop(api);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
