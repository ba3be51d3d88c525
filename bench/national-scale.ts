import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { benchDatabaseUrl, connect, migrate, recreateDatabase } from './lib/database';
import { Scale, buildDataset } from './lib/dataset';
import { Api } from './lib/http';
import { peakRssMb, startProcess, stop, waitForHealth } from './lib/processes';
import { line, timed } from './lib/stats';
import { measureFreshness } from './steps/freshness';
import { measureIngest } from './steps/ingest';
import { measureRebuild } from './steps/rebuild';
import { measureReports } from './steps/reports';

/**
 * National-scale benchmark: `npm run build && npm run bench` (BENCH_SCALE=small for a quick run).
 * Builds its own database (rengo_bench), starts the compiled API and worker against it and
 * prints figures and ratios against plain PostgreSQL baselines. Asserts nothing.
 */
const SCALES: Record<string, Scale> = {
  full: { unions: 25_000, federations: 50, councils: 60, months: 60, changeRows: 10_000_000, openingMembers: 7_000_000 },
  small: { unions: 2_500, federations: 50, councils: 60, months: 60, changeRows: 1_000_000, openingMembers: 700_000 },
};
const scaleName = process.env.BENCH_SCALE ?? 'full';
const scale = SCALES[scaleName];
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3999);
const baseUrl = `http://127.0.0.1:${port}`;
const ADMIN = { email: 'bench-admin@bench.rengo', password: 'bench-admin-password' };
/** BENCH_STEPS picks what to measure (comma-separated); `none` only builds the data set. */
const STEPS = new Set((process.env.BENCH_STEPS ?? 'rebuild,reports,ingest,freshness').split(','));

function monthsBack(count: number): { first: string; last: string } {
  const now = new Date();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - (count - 1), 1));
  const fmt = (d: Date): string => d.toISOString().slice(0, 7);
  return { first: fmt(start), last: fmt(end) };
}

async function main(): Promise<void> {
  if (!scale) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
  const { first, last } = monthsBack(scale.months);
  console.log(`# national-scale benchmark (${scaleName}): ${JSON.stringify(scale)}, months ${first}..${last}`);

  // BENCH_REUSE=1 keeps the data set of an earlier run (rengo_bench) and only measures
  const reuse = process.env.BENCH_REUSE === '1';
  const url = reuse ? benchDatabaseUrl(server, 'rengo_bench') : await recreateDatabase(server, 'rengo_bench');
  if (reuse) await migrate(url);
  const db = await connect(url);
  const [, buildMs] = reuse ? [undefined, 0] : await timed(() => buildDataset(db, scale, first));
  const { rows } = await db.query(`SELECT count(*)::int AS n, sum(delta)::int AS members FROM membership_changes`);
  console.log(`\n## data set`);
  line('ledger rows', rows[0].n.toLocaleString('en-US'));
  line('members', rows[0].members.toLocaleString('en-US'));
  line('built in', reuse ? 'reused from an earlier run' : `${(buildMs / 1000).toFixed(1)} s`);

  if (STEPS.has('none')) {
    await db.end();
    return;
  }
  const env = {
    DATABASE_URL: url,
    PORT: String(port),
    QUEUE_PREFIX: `bench_${randomUUID().slice(0, 8)}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: 'benchmark-secret-0123456789',
  };
  const worker = startProcess('worker', env);
  const api = startProcess('api', env);
  try {
    await waitForHealth(baseUrl);
    const client = new Api(baseUrl);
    await client.login(ADMIN.email, ADMIN.password);

    if (STEPS.has('rebuild')) await measureRebuild(db, client);
    if (STEPS.has('reports')) await measureReports(url, client, first, last, rows[0].members);
    const unionIds = (await db.query(`SELECT id FROM unions ORDER BY code LIMIT 2000`)).rows.map((r: { id: string }) => r.id);
    if (STEPS.has('ingest')) await measureIngest(db, client, unionIds, last);
    if (STEPS.has('freshness')) await measureFreshness(db, client, unionIds);

    console.log(`\n## memory`);
    line('API peak RSS (target < 300 MB)', `${peakRssMb(api.pid).toFixed(0)} MB`);
    line('worker peak RSS (target < 300 MB)', `${peakRssMb(worker.pid).toFixed(0)} MB`);

    const invariants = await client.call('GET', '/admin/invariants');
    console.log(`\n## invariant: rollups equal the ledger: ${invariants.ok ? 'ok' : `NOT ok (${invariants.mismatches.length} mismatches)`}`);
  } finally {
    await stop(api);
    await stop(worker);
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
