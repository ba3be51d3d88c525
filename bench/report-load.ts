import { Api, concurrently, rawGet, warmUp } from './lib/http';
import { line, ms, summarize } from './lib/stats';

/**
 * Report latency alone, against an API that is already running (for example on the
 * benchmark's database): `node dist/bench/report-load.js`. Environment: BENCH_URL
 * (default http://127.0.0.1:3999), BENCH_EMAIL, BENCH_PASSWORD (the benchmark's admin),
 * BENCH_PATHS (comma-separated, default the 60-month growth by federation and /me as the
 * floor of any authenticated request). 16 clients, 800 requests per path, after a warm-up.
 */
async function main(): Promise<void> {
  const api = new Api(process.env.BENCH_URL ?? 'http://127.0.0.1:3999');
  await api.login(process.env.BENCH_EMAIL ?? 'bench-admin@bench.rengo', process.env.BENCH_PASSWORD ?? 'bench-admin-password');
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 59, 1));
  const month = (d: Date): string => d.toISOString().slice(0, 7);
  const paths = (process.env.BENCH_PATHS ?? `/reports/growth?groupBy=federation&from=${month(first)}&to=${month(last)},/me`).split(',');
  for (const path of paths) {
    const get = async (): Promise<void> => {
      const { status } = await rawGet(api.baseUrl, path, api.token);
      if (status !== 200) throw new Error(`GET ${path}: ${status}`);
    };
    await warmUp(get);
    const started = Date.now();
    const latency = summarize(await concurrently(16, 800, get));
    line(path.slice(0, 44), `p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, ${Math.round(800 / ((Date.now() - started) / 1000))} req/s`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
