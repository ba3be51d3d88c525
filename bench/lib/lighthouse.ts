import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse, { type Result, type ThrottlingSettings } from 'lighthouse';

/** What one Lighthouse run says about a page's load on the emulated phone. */
export interface PageFigures {
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  jsTransferredBytes: number;
  unusedJsBytes: number;
  benchmarkIndex: number;
  throttling: ThrottlingSettings;
}

function numeric(lhr: Result, audit: string): number {
  return lhr.audits[audit]?.numericValue ?? NaN;
}

/** Bytes over the wire of the page's scripts, from Lighthouse's own network record. */
function scriptBytes(lhr: Result): number {
  const details = lhr.audits['network-requests']?.details;
  if (details?.type !== 'table') return NaN;
  return details.items.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + Number(item.transferSize ?? 0), 0);
}

function unusedScriptBytes(lhr: Result): number {
  const details = lhr.audits['unused-javascript']?.details;
  return details?.type === 'opportunity' ? (details.overallSavingsBytes ?? 0) : 0;
}

/**
 * Lighthouse's default run (a mid-range phone, simulated Slow 4G and 4x CPU, the origin's
 * service worker and caches cleared first, cookies kept) of one address, performance only,
 * in the Chromium listening on `port`.
 */
export async function lighthouseRun(url: string, port: number): Promise<PageFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  // BENCH_LHR_DIR=folder keeps each run's whole report (the critical chains, the long tasks) for a closer look
  if (process.env.BENCH_LHR_DIR) {
    mkdirSync(process.env.BENCH_LHR_DIR, { recursive: true });
    writeFileSync(join(process.env.BENCH_LHR_DIR, `${new URL(url).pathname.replace(/\W/g, '') || 'root'}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  return {
    score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    jsTransferredBytes: scriptBytes(lhr),
    unusedJsBytes: unusedScriptBytes(lhr),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    throttling: lhr.configSettings.throttling,
  };
}

/** The run with the median performance score of several (Lighthouse's own advice against its variance). */
export function medianRun(runs: PageFigures[]): PageFigures {
  const sorted = [...runs].sort((a, b) => a.score - b.score || a.tbtMs - b.tbtMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
