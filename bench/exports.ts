import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { connect, recreateDatabase } from './lib/database';
import { Api } from './lib/http';
import { peakRssMb, startProcess, stop, waitForHealth } from './lib/processes';
import { line } from './lib/stats';

/**
 * Excel and CSV exports of a large ledger: `npm run build && node dist/bench/exports.js`.
 * Builds its own database (rengo_exports_bench) with BENCH_ROWS ledger rows (default
 * 100,000) over 500 unions, starts the compiled API, and times GET /membership-changes
 * as CSV and as xlsx (every row, streamed), beside paging through the same rows as JSON
 * (500 a page; BENCH_JSON=0 skips it), with the API process's resident memory sampled during
 * each. Asserts nothing.
 */
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3997);
const baseUrl = `http://127.0.0.1:${port}`;
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ADMIN = { email: 'exports-bench@bench.rengo', password: 'exports-bench-password' };

async function seed(url: string): Promise<void> {
  const db = await connect(url);
  try {
    await db.query(`INSERT INTO sectors (code, name) VALUES ('sec1', '部門1')`);
    await db.query(`INSERT INTO federations (code, name, sector_code) VALUES ('fed1', '電機連合', 'sec1')`);
    await db.query(`INSERT INTO regional_councils (code, name, municipalities) VALUES ('rc1', '横浜地域連合', '{}')`);
    await db.query(
      `INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name, kind)
       SELECT 'u' || g, '労働組合' || g, (SELECT id FROM federations), (SELECT id FROM regional_councils), '株式会社' || g, 'enterprise'
       FROM generate_series(1, 500) g`,
    );
    await db.query(
      `INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, note, source)
       SELECT u.id, DATE '2021-04-01' + (g % 1800), CASE WHEN g % 3 = 0 THEN -1 - g % 4 ELSE 1 + g % 5 END,
              CASE WHEN g % 3 = 0 THEN 'resignation' ELSE 'new_hire' END,
              (ARRAY['regular', 'part_time', 'fixed_term'])[1 + g % 3], (ARRAY['female', 'male'])[1 + g % 2],
              CASE WHEN g % 10 = 0 THEN '定期採用' END, 'import'
       FROM generate_series(1, $1::int) g JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM unions) u ON u.n = g % 500`,
      [ROWS],
    );
  } finally {
    await db.end();
  }
}

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** Reads a file answer to its end without keeping it; the API's resident memory is sampled meanwhile. */
function download(path: string, token: string, pid: number): Promise<{ bytes: number; lines: number; seconds: number; firstByteMs: number; peakMb: number }> {
  const started = process.hrtime.bigint();
  let peakMb = rssMb(pid);
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 20);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode}`));
      let bytes = 0;
      let lines = 0;
      let firstByteMs = NaN;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
      });
      res.on('end', () => {
        clearInterval(sampler);
        peakMb = Math.max(peakMb, rssMb(pid));
        resolve({ bytes, lines, seconds: Number(process.hrtime.bigint() - started) / 1e9, firstByteMs, peakMb });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function pageThroughJson(api: Api): Promise<number> {
  const started = process.hrtime.bigint();
  let read = 0;
  for (let offset = 0; ; offset += 500) {
    const page = await api.call('GET', `/membership-changes?limit=500&offset=${offset}`);
    read += page.items.length;
    if (read >= page.total) break;
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const mb = (n: number): string => `${n.toFixed(0)} MB`;

async function main(): Promise<void> {
  const url = await recreateDatabase(server, 'rengo_exports_bench');
  const seeding = Date.now();
  await seed(url);
  console.log(`exports: ${ROWS.toLocaleString('en-US')} ledger rows over 500 unions, seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
  const api = startProcess('api', {
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: 'exports_bench',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  try {
    await waitForHealth(baseUrl);
    const client = new Api(baseUrl);
    await client.login(ADMIN.email, ADMIN.password);
    const pid = api.pid as number;
    await client.call('GET', '/membership-changes?limit=500');
    line('API resident memory, idle', mb(rssMb(pid)));
    for (const format of ['csv', 'xlsx', 'csv', 'xlsx']) {
      const run = await download(`/membership-changes?format=${format}`, client.token, pid);
      const rows = format === 'csv' ? ` (${(run.lines - 1).toLocaleString('en-US')} rows)` : '';
      line(
        `${format}: ${(run.bytes / 1024 / 1024).toFixed(1)} MB${rows}`,
        `${run.seconds.toFixed(2)} s, ${Math.round(ROWS / run.seconds).toLocaleString('en-US')} rows/s, first byte ${run.firstByteMs.toFixed(0)} ms, API RSS peak ${mb(run.peakMb)}`,
      );
    }
    const jsonSeconds = process.env.BENCH_JSON === '0' ? NaN : await pageThroughJson(client);
    if (!Number.isNaN(jsonSeconds))
      line('JSON, 500 a page (limit/offset), for comparison', `${jsonSeconds.toFixed(2)} s, ${Math.round(ROWS / jsonSeconds).toLocaleString('en-US')} rows/s`);
    line('API peak RSS over the whole run (VmHWM)', mb(peakRssMb(pid)));
  } finally {
    await stop(api);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
