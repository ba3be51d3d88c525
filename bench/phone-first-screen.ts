import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ThrottlingSettings } from 'lighthouse';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import type { DemoLogin } from '../src/demo/demo-users';
import { recreateDatabase } from './lib/database';
import { demoLogin, loadDemo } from './lib/demo';
import { type PageFigures, lighthouseRun, medianRun } from './lib/lighthouse';
import { startProcess, stop, waitForHealth } from './lib/processes';
import { line, ms, summarize } from './lib/stats';

/**
 * The phone's first screens: `npm run build && npm run bench:phone`. Builds its own database
 * (rengo_phone_bench) with the demo, starts the compiled API serving dist/web, and in
 * Chromium prints (1) Lighthouse's mobile run (a mid-range phone, simulated Slow 4G, 4x CPU)
 * of the sign-in page and of 今日 signed in as the demo organizer: performance score, total
 * blocking time, largest contentful paint, layout shift, JavaScript over the wire and unused;
 * (2) with the same throttling applied through the DevTools protocol, the sign-in page's
 * first showing (nothing cached) and 今日's reload with the service worker in charge (the
 * organizer opening the installed app again). Each against its target. Asserts nothing.
 */
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3997);
const debuggingPort = Number(process.env.BENCH_DEBUGGING_PORT ?? 9333);
const baseUrl = `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_SCORE = 90;
const TARGET_WARM_MS = 1000;

/** What 今日 shows once its follow-ups are read: how many, or that there are none. */
const TODAY_SHOWN = /対応予定 \d+件|今日予定されている対応はありません/;
/** The sign-in form, drawn. */
const SIGN_IN_SHOWN = /メールアドレス/;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Lighthouse's throttling, applied to one page through the DevTools protocol as Lighthouse's own "devtools" method does, on its emulated phone. */
async function throttle(context: BrowserContext, page: Page, throttling: ThrottlingSettings): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: throttling.requestLatencyMs ?? 0,
    downloadThroughput: ((throttling.downloadThroughputKbps ?? 0) * 1024) / 8,
    uploadThroughput: ((throttling.uploadThroughputKbps ?? 0) * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpuSlowdownMultiplier ?? 1 });
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true });
}

/**
 * Watches, inside the page, for the first element whose text matches `shown` and notes the
 * frame that draws it (ms from the start of the navigation), so that nothing polls the
 * throttled page from outside while it works.
 */
async function watchFor(page: Page, shown: RegExp): Promise<void> {
  await page.addInitScript({
    content: `new MutationObserver((records, observer) => {
      if (!records.some((r) => [...r.addedNodes].some((n) => ${shown}.test(n.textContent ?? '')))) return;
      observer.disconnect();
      requestAnimationFrame(() => { globalThis.shownAt = performance.now(); });
    }).observe(document, { childList: true, subtree: true });`,
  });
}

/** Milliseconds from the start of the navigation `go` makes to the frame that drew what watchFor waits for. */
async function shownAfter(page: Page, go: () => Promise<unknown>): Promise<number> {
  await go();
  const shownAt = await page.waitForFunction(() => (globalThis as { shownAt?: number }).shownAt, undefined, { polling: 250, timeout: 60_000 });
  return Number(await shownAt.jsonValue());
}

async function lighthouseRuns(path: string): Promise<PageFigures> {
  const runs: PageFigures[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await lighthouseRun(`${baseUrl}${path}`, debuggingPort));
  return medianRun(runs);
}

/** The sign-in page opened for the first time on the throttled phone: no cache, no service worker. */
async function coldSignIn(context: BrowserContext, throttling: ThrottlingSettings): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'service_workers,cache_storage' });
    await throttle(context, page, throttling);
    await watchFor(page, SIGN_IN_SHOWN);
    times.push(await shownAfter(page, () => page.goto(`${baseUrl}/login`, { waitUntil: 'commit' })));
    await page.close();
  }
  return times;
}

async function signIn(page: Page, organizer: DemoLogin): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('メールアドレス').fill(organizer.email);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(organizer.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByText(TODAY_SHOWN).waitFor();
}

/** 今日 reloaded on the throttled phone with the installed app's service worker answering for the console's files. */
async function warmToday(context: BrowserContext, throttling: ThrottlingSettings): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/today`);
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await page.reload();
  if (!(await page.evaluate('Boolean(navigator.serviceWorker.controller)'))) throw new Error('the service worker does not control 今日');
  await page.getByText(TODAY_SHOWN).waitFor();
  await throttle(context, page, throttling);
  await watchFor(page, TODAY_SHOWN);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await shownAfter(page, () => page.reload({ waitUntil: 'commit' })));
  await page.close();
  return times;
}

function printLighthouse(title: string, figures: PageFigures): void {
  console.log(`\n${title} (Lighthouse ${RUNS} runs, the median's figures)`);
  line(
    'performance score',
    `${figures.score} (target ${TARGET_SCORE}: ${(figures.score / TARGET_SCORE).toFixed(2)}x, ${figures.score >= TARGET_SCORE ? 'met' : 'NOT MET'})`,
  );
  line('total blocking time', ms(figures.tbtMs));
  line('largest contentful paint', ms(figures.lcpMs));
  line('first contentful paint', ms(figures.fcpMs));
  line('cumulative layout shift', figures.cls.toFixed(3));
  line('JavaScript transferred', kb(figures.jsTransferredBytes));
  line('JavaScript unused', kb(figures.unusedJsBytes));
}

function printTimes(title: string, times: number[], target?: number): void {
  const t = summarize(times);
  const verdict = target === undefined ? '' : ` (target < ${ms(target)}: ${(t.p50 / target).toFixed(2)}x, ${t.p50 < target ? 'met' : 'NOT MET'})`;
  line(title, `p50 ${ms(t.p50)}, max ${ms(t.max)}${verdict}`);
}

async function main(): Promise<void> {
  const url = await recreateDatabase(server, 'rengo_phone_bench');
  const organizer = demoLogin(await loadDemo(url), 'organizer');
  const api = startProcess('api', { DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', QUEUE_PREFIX: 'phone_bench' });
  const profile = mkdtempSync(join(tmpdir(), 'phone-bench-'));
  try {
    await waitForHealth(baseUrl);
    // one browser profile for Lighthouse (through the debugging port) and the timings, so that both see the organizer's session
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: null,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=ja-JP', `--remote-debugging-port=${debuggingPort}`],
    });
    try {
      const signInPage = await lighthouseRuns('/login');
      const cold = await coldSignIn(context, signInPage.throttling);
      const page = await context.newPage();
      await signIn(page, organizer);
      await page.close();
      const today = await lighthouseRuns('/today');
      const warm = await warmToday(context, today.throttling);

      const t = today.throttling;
      console.log(
        `\nPhone: Lighthouse 12 mobile (simulated ${t.rttMs} ms RTT, ${((t.throughputKbps ?? 0) / 1024).toFixed(1)} Mbps, ${t.cpuSlowdownMultiplier}x CPU)`,
      );
      // Lighthouse multiplies the CPU time it sees: a machine busy with other work reads slower
      line('machine', `${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}, Lighthouse benchmark index ${Math.round(today.benchmarkIndex)}`);
      printLighthouse('Sign-in page (/login)', signInPage);
      printLighthouse('今日 (/today), the demo organizer signed in', today);
      console.log(
        `\nThrough the DevTools protocol (${t.requestLatencyMs} ms latency, ${((t.downloadThroughputKbps ?? 0) / 1024).toFixed(2)} Mbps down, ${t.cpuSlowdownMultiplier}x CPU; ${RUNS} runs)`,
      );
      printTimes('sign-in page shown, cold', cold);
      printTimes('今日 reloaded, warm (service worker)', warm, TARGET_WARM_MS);
    } finally {
      await context.close();
    }
  } finally {
    await stop(api);
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
