import { connect, recreateDatabase } from './lib/database';
import { seedBenchUnions } from './lib/structure';
import { Api } from './lib/http';
import { startProcess, stop, waitForHealth } from './lib/processes';
import { line, rate, timed } from './lib/stats';
import { rssMb, sampleRss } from './lib/memory';
import { BULK_ITEMS, bulkBody } from './lib/ordinary-load';

/**
 * The API's resident memory under concurrent bulk ingest:
 * `npx nest build && node dist/bench/bulk-memory.js`.
 * Four clients (BENCH_BULK_CLIENTS) each post a 10,000-item body to POST /membership-changes/bulk at the same
 * time, for BENCH_BULK_ROUNDS rounds (default 5), while the API's RSS is sampled every
 * 50 ms from /proc. Prints the idle RSS, the peak RSS (target < 300 MB) and the rows/s.
 * Uses its own database (rengo_bench_bulk_memory) and queue prefix; DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 5);
const CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 4);
const ITEMS = BULK_ITEMS;
const PORT = 3996;
const UNIONS = 1000;
const ADMIN = { email: 'bench-bulk@bench.rengo', password: 'bench-bulk-password' };

/** Current resident set size of a live process, in MB (VmRSS). */

async function post(api: Api, json: string): Promise<void> {
  const res = await fetch(`${api.baseUrl}/api/v1/membership-changes/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: json,
  });
  if (!res.ok) throw new Error(`bulk: ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_bulk_memory');
  const db = await connect(url);
  await seedBenchUnions(db, UNIONS);
  const unionIds = (await db.query(`SELECT id FROM unions ORDER BY code`)).rows.map((r: { id: string }) => r.id);
  await db.end();
  const env = {
    DATABASE_URL: url,
    PORT: String(PORT),
    QUEUE_PREFIX: 'bench_bulk_memory',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  };
  const apiProcess = startProcess('api', env);
  const workerProcess = startProcess('worker', env);
  try {
    const api = new Api(`http://127.0.0.1:${PORT}`);
    await waitForHealth(api.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    const pid = apiProcess.pid!;
    // one small request so the route, the pool and the validator are warm before "idle"
    await post(api, JSON.stringify({ items: JSON.parse(bulkBody(unionIds, 0, 0)).items.slice(0, 10) }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = rssMb(pid);
    const bodies = Array.from({ length: ROUNDS }, (_, round) => Array.from({ length: CLIENTS }, (_, c) => bulkBody(unionIds, c, round)));
    const sampler = sampleRss(pid);
    const [, elapsedMs] = await timed(async () => {
      for (const round of bodies) await Promise.all(round.map((json) => post(api, json)));
    });
    const peak = sampler.stop();
    const rows = ROUNDS * CLIENTS * ITEMS;
    console.log(`\nbulk ingest, ${ROUNDS} rounds x ${CLIENTS} clients x ${ITEMS.toLocaleString('en-US')} items at once`);
    line('API RSS idle', `${idle.toFixed(0)} MB`);
    line('API RSS peak (sampled every 50 ms)', `${peak.toFixed(0)} MB (target < 300 MB)`);
    line('rows/s', rate(rows, elapsedMs / 1000));
  } finally {
    await stop(apiProcess);
    await stop(workerProcess);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
