import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { benchDatabaseUrl, connect, migrate, recreateDatabase } from './lib/database';
import { Scale, buildDataset } from './lib/dataset';
import { Api, concurrently } from './lib/http';
import { peakRssMb, startProcess, stop, waitForHealth } from './lib/processes';
import { line, ms, rate, summarize, timed } from './lib/stats';

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
  if (reuse) await db.query(`DROP TABLE IF EXISTS bench_plain_groupby, bench_copy_target`);
  const [, buildMs] = reuse ? [undefined, 0] : await timed(() => buildDataset(db, scale, first));
  const { rows } = await db.query(`SELECT count(*)::int AS n, sum(delta)::int AS members FROM membership_changes`);
  console.log(`\n## data set`);
  line('ledger rows', rows[0].n.toLocaleString('en-US'));
  line('members', rows[0].members.toLocaleString('en-US'));
  line('built in', reuse ? 'reused from an earlier run' : `${(buildMs / 1000).toFixed(1)} s`);

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

    // ---- rebuild vs a plain GROUP BY over the same ledger
    console.log(`\n## full rebuild`);
    await db.query(`CREATE TABLE bench_plain_groupby (union_id uuid, month date, employment_type text, gender text,
                                                      cause text, members bigint, changes bigint)`);
    const [, plainMs] = await timed(() =>
      db.query(`INSERT INTO bench_plain_groupby
                SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
                FROM membership_changes GROUP BY 1, 2, 3, 4, 5`),
    );
    const [, rebuildMs] = await timed(async () => {
      const { jobId } = await client.call('POST', '/admin/aggregations/rebuild');
      for (;;) {
        const job = await client.call('GET', `/admin/jobs/${jobId}`);
        if (job.state === 'completed') return;
        if (job.state === 'failed') throw new Error(`rebuild failed: ${job.failedReason}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    line('plain INSERT ... SELECT ... GROUP BY', `${(plainMs / 1000).toFixed(1)} s`);
    line('rebuild job (all levels)', `${(rebuildMs / 1000).toFixed(1)} s`);
    line('ratio rebuild / plain (target <= 2)', (rebuildMs / plainMs).toFixed(2));

    // ---- report latency under 16 concurrent clients vs plain SQL over the ledger
    console.log(`\n## reports, 16 concurrent clients`);
    const growthPath = `/reports/growth?groupBy=federation&from=${first}&to=${last}`;
    await concurrently(4, 20, () => client.call('GET', growthPath));
    const growth = summarize(await concurrently(16, 800, () => client.call('GET', growthPath)));
    const growthSql = `SELECT u.federation_id, c.month, sum(c.delta) AS net,
                              sum(sum(c.delta)) OVER (PARTITION BY u.federation_id ORDER BY c.month) AS members
                       FROM membership_changes c JOIN unions u ON u.id = c.union_id
                       GROUP BY 1, 2`;
    const sqlClients = await Promise.all(Array.from({ length: 16 }, () => connect(url)));
    const growthPlain = summarize(await concurrently(16, 32, (i) => sqlClients[i % 16].query(growthSql)));
    line('growth by federation p50 / p95 (target p95 <= 50 ms)', `${ms(growth.p50)} / ${ms(growth.p95)}`);
    line('plain SQL sum over the ledger p50 / p95', `${ms(growthPlain.p50)} / ${ms(growthPlain.p95)}`);
    line('ratio plain SQL / API (p50)', (growthPlain.p50 / growth.p50).toFixed(1));

    const goal = await client.call('POST', '/goals', {
      name: 'bench goal',
      targetMembers: Math.round(rows[0].members * 1.1),
      targetOn: '2030-09-30',
      baselineOn: `${first}-01`,
      scope: {},
      milestones: [{ name: 'Phase II', dueOn: '2030-09-30', targetMembers: Math.round(rows[0].members * 1.1) }],
    });
    const progressPath = `/goals/${goal.id}/progress`;
    await concurrently(4, 20, () => client.call('GET', progressPath));
    const progress = summarize(await concurrently(16, 800, () => client.call('GET', progressPath)));
    const progressSql = `SELECT sum(delta) AS members,
                                sum(delta) FILTER (WHERE effective_on >= (date_trunc('month', now()) - interval '12 months')) AS trailing
                         FROM membership_changes`;
    const progressPlain = summarize(await concurrently(16, 32, (i) => sqlClients[i % 16].query(progressSql)));
    line('goal progress p50 / p95', `${ms(progress.p50)} / ${ms(progress.p95)}`);
    line('plain SQL sum over the ledger p50 / p95', `${ms(progressPlain.p50)} / ${ms(progressPlain.p95)}`);
    line('ratio plain SQL / API (p50)', (progressPlain.p50 / progress.p50).toFixed(1));
    await Promise.all(sqlClients.map((c) => c.end()));

    // ---- bulk ingest through the API vs COPY into a bare table
    console.log(`\n## ingest`);
    const { rows: unionRows } = await db.query(`SELECT id FROM unions ORDER BY code LIMIT 2000`);
    const requests = Number(process.env.BENCH_INGEST_REQUESTS ?? 20);
    const batches = Array.from({ length: requests }, (_, r) =>
      Array.from({ length: 10_000 }, (_, i) => ({
        unionId: unionRows[(r * 10_000 + i) % unionRows.length].id as string,
        effectiveOn: `${last}-${String(1 + (i % 28)).padStart(2, '0')}`,
        delta: i % 2 === 0 ? 1 + (i % 3) : -(1 + (i % 3)),
        cause: i % 2 === 0 ? 'new_hire' : 'resignation',
        employmentType: i % 5 === 0 ? 'part_time' : 'regular',
        gender: i % 3 === 0 ? 'female' : 'male',
      })),
    );
    const ingestRows = requests * 10_000;
    const [, ingestMs] = await timed(() => concurrently(2, requests, (i) => client.call('POST', '/membership-changes/bulk', { items: batches[i] })));
    await db.query(`CREATE TABLE bench_copy_target (union_id uuid, effective_on date, delta int, cause text, employment_type text, gender text)`);
    // one chunk per 10,000 rows (about 1 MB), as a real loader would stream them
    const csv = batches.map((batch) => batch.map((b) => `${b.unionId},${b.effectiveOn},${b.delta},${b.cause},${b.employmentType},${b.gender}\n`).join(''));
    const [, copyMs] = await timed(() =>
      pipeline(Readable.from(csv), db.query(copyFrom(`COPY bench_copy_target FROM STDIN WITH (FORMAT csv)`))),
    );
    const apiRate = ingestRows / (ingestMs / 1000);
    const copyRate = ingestRows / (copyMs / 1000);
    line(`bulk API, ${requests} x 10,000 items, 2 clients`, rate(ingestRows, ingestMs / 1000));
    line('COPY into a bare table, same rows', rate(ingestRows, copyMs / 1000));
    line('ratio API / COPY (target >= 0.33)', (apiRate / copyRate).toFixed(2));

    // ---- freshness while 200 changes/s are written
    console.log(`\n## freshness`);
    const [, drainMs] = await timed(async () => {
      for (;;) {
        const { rows: pending } = await db.query(`SELECT count(*)::int AS n FROM aggregation_outbox`);
        if (pending[0].n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    line('worker drained the ingest backlog in', `${(drainMs / 1000).toFixed(1)} s after the last bulk answer`);
    const probeFederation = (await db.query(`INSERT INTO federations (code, name, sector_code) VALUES ('probe-' || floor(random() * 1e9)::text, '計測', 'sec1') RETURNING id`)).rows[0].id;
    const probeUnion = (await db.query(`INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name)
                                        SELECT 'probe-' || floor(random() * 1e9)::text, '計測労組', $1, id, '計測' FROM regional_councils LIMIT 1 RETURNING id`, [probeFederation])).rows[0].id;
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      const started = Date.now();
      while (writing) {
        await client.call('POST', '/membership-changes', {
          unionId: unionRows[(w * 97 + written) % unionRows.length].id,
          effectiveOn: today,
          delta: 1,
          cause: 'new_hire',
          employmentType: 'regular',
        });
        written++;
        const due = started + (written / 8) * (1000 / 25); // 8 writers x 25/s = 200 changes/s
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
    const freshness: number[] = [];
    const month = today.slice(0, 7);
    const probePath = `/reports/growth?groupBy=total&federationId=${probeFederation}&from=${month}&to=${month}`;
    const writeStart = Date.now();
    for (let probe = 1; probe <= 40; probe++) {
      const start = process.hrtime.bigint();
      await client.call('POST', '/membership-changes', { unionId: probeUnion, effectiveOn: today, delta: 1, cause: 'new_hire', employmentType: 'regular' });
      for (;;) {
        const report = await client.call('GET', probePath);
        const members = report.groups[0]?.months.at(-1)?.members ?? 0;
        if (members >= probe) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      freshness.push(Number(process.hrtime.bigint() - start) / 1e6);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    writing = false;
    await Promise.all(writers);
    const fresh = summarize(freshness);
    line('write rate achieved', `${Math.round(written / ((Date.now() - writeStart) / 1000))} changes/s`);
    line('POST to visible in growth report p50 / p95 (target p95 <= 2 s)', `${ms(fresh.p50)} / ${ms(fresh.p95)}`);

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
