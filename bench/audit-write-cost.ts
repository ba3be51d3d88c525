import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditLog } from '../src/platform/audit/audit-log';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { bulkRecordedEvent } from '../src/membership/membership-changes/change-events';
import { LedgerEntry, appendToLedger } from '../src/membership/membership-changes/ledger-writer';
import { connect, recreateDatabase } from './lib/database';
import { Api } from './lib/http';
import { stop, waitForHealth } from './lib/processes';
import { line, ms, summarize } from './lib/stats';
import { seedBenchUnions } from './lib/structure';

/**
 * What the audit event adds to a bulk write: `npx nest build && node dist/bench/audit-write-cost.js`.
 *
 * 1. Inside the transaction: BENCH_AUDIT_CALLS (default 20) transactions each write
 *    BENCH_AUDIT_ITEMS (default 1,000) ledger rows with appendToLedger, then the one
 *    membership_change.bulk_recorded event with AuditLog.record, as the bulk route does;
 *    the event's INSERT is timed on its own beside the whole transaction, and so is a
 *    `SELECT 1` just before it: the round trip any statement costs on this machine.
 * 2. Through HTTP, when BENCH_BEFORE_ROOT names a checkout of the commit before the wiring,
 *    built (`npx nest build` there): that API and this one run side by side on the same
 *    database and take turns (ABBA), each posting the same BENCH_AUDIT_CALLS bodies of
 *    BENCH_AUDIT_ITEMS items to POST /membership-changes/bulk, so load on a shared machine
 *    falls on both alike. Prints each side's median and total, the ratio after/before, and
 *    the median of the paired differences: the same body posted to each side back to back,
 *    averaged over two calls in turn (A then B, B then A) so that going first or second
 *    cancels out; drift in the machine's load moves it least. BENCH_BEFORE_ROOT naming this
 *    same build (an A/A run) shows how far from zero noise alone puts these figures.
 * Uses its own database (rengo_bench_audit_cost); DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const CALLS = Number(process.env.BENCH_AUDIT_CALLS ?? 20);
const ITEMS = Number(process.env.BENCH_AUDIT_ITEMS ?? 1000);
const BEFORE_ROOT = process.env.BENCH_BEFORE_ROOT;
const PORTS = (process.env.BENCH_AUDIT_PORTS ?? '3981,3982').split(',').map(Number);
const WARM_UP = 3;
const UNIONS = 1000;
const ADMIN = { email: 'bench-audit@bench.rengo', password: 'bench-audit-password' };
const thisRoot = join(__dirname, '..', '..');

function items(unionIds: string[], call: number): LedgerEntry[] {
  return Array.from({ length: ITEMS }, (_, i) => ({
    unionId: unionIds[(call * 131 + i) % unionIds.length],
    effectiveOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    delta: i % 2 === 0 ? 1 + (i % 3) : -(1 + (i % 3)),
    cause: i % 2 === 0 ? 'new_hire' : 'resignation',
    employmentType: i % 5 === 0 ? 'part_time' : 'regular',
    gender: i % 3 === 0 ? 'female' : 'male',
  }));
}

const hrMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** Part 1: the event's INSERT timed inside the bulk's own transaction. */
async function insideTransaction(url: string, unionIds: string[], adminId: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  const audit = new AuditLog(db);
  const actor = { id: adminId, email: ADMIN.email, role: 'admin', origin: { ip: '127.0.0.1', requestId: '00000000-0000-4000-8000-000000000000' } };
  const whole: number[] = [];
  const event: number[] = [];
  const roundTrip: number[] = [];
  try {
    for (let call = -WARM_UP; call < CALLS; call++) {
      const entries = items(unionIds, call + WARM_UP);
      const started = process.hrtime.bigint();
      let eventMs = 0;
      let selectMs = 0;
      await db.transaction(async (manager) => {
        await appendToLedger(manager, entries, 'bulk', adminId);
        const selectStarted = process.hrtime.bigint();
        await manager.query('SELECT 1');
        selectMs = hrMs(selectStarted);
        const eventStarted = process.hrtime.bigint();
        await audit.record(manager, actor, bulkRecordedEvent(entries, { federationId: null, regionalCouncilId: null }));
        eventMs = hrMs(eventStarted);
      });
      if (call < 0) continue;
      // the yardstick's round trip is not part of the write
      whole.push(hrMs(started) - selectMs);
      event.push(eventMs);
      roundTrip.push(selectMs);
    }
  } finally {
    await db.destroy();
  }
  const w = summarize(whole);
  const e = summarize(event);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  console.log(`\n1. inside the transaction: ${CALLS} transactions of ${ITEMS.toLocaleString('en-US')} ledger rows + the one event (load ${load()})`);
  line('whole transaction, median (p95)', `${ms(w.p50)} (${ms(w.p95)})`);
  line('the event INSERT alone, median (p95)', `${ms(e.p50)} (${ms(e.p95)})`);
  line('a SELECT 1 round trip, median', ms(summarize(roundTrip).p50));
  line('event / whole, medians', `${((100 * e.p50) / w.p50).toFixed(2)} %`);
  line('event / whole, p95s', `${((100 * e.p95) / w.p95).toFixed(2)} %`);
  line('event / whole, totals', `${((100 * sum(event)) / sum(whole)).toFixed(2)} %`);
}

function startApi(root: string, port: number, url: string, prefix: string): ChildProcess {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    QUEUE_PREFIX: prefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  };
  // both sides alike, without the start script's options (they differ between commits)
  return spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function postBulk(api: Api, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${api.baseUrl}/api/v1/membership-changes/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body,
  });
  if (res.status !== 201) throw new Error(`bulk: ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
  return hrMs(started);
}

/** Part 2: the bulk endpoint of the build before the wiring and of this one, taking turns on one database. */
async function throughHttp(url: string, unionIds: string[], beforeRoot: string): Promise<void> {
  const sides = [
    { name: 'before (no event)', root: beforeRoot, port: PORTS[0], prefix: 'bench_audit_before' },
    { name: 'after (one event per call)', root: thisRoot, port: PORTS[1], prefix: 'bench_audit_after' },
  ].map((side) => ({
    ...side,
    process: startApi(side.root, side.port, url, side.prefix),
    api: new Api(`http://127.0.0.1:${side.port}`),
    times: [] as number[],
  }));
  try {
    for (const side of sides) {
      await waitForHealth(side.api.baseUrl);
      // healthy yet exited: another process answers on that port (BENCH_AUDIT_PORTS moves them)
      if (side.process.exitCode !== null) throw new Error(`the ${side.name} API exited (port ${side.port} taken?)`);
      await side.api.login(ADMIN.email, ADMIN.password);
    }
    const bodies = Array.from({ length: CALLS + WARM_UP }, (_, call) => JSON.stringify({ items: items(unionIds, 1000 + call) }));
    const eventsBefore = await auditEventCount(url);
    const loadAtStart = load();
    for (let call = 0; call < bodies.length; call++) {
      // ABBA: each side goes first in every other pair
      const order = call % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const took = await postBulk(side.api, bodies[call]);
        if (call >= WARM_UP) side.times.push(took);
      }
    }
    const events = (await auditEventCount(url)) - eventsBefore;
    console.log(
      `\n2. POST /membership-changes/bulk, ${CALLS} calls of ${ITEMS.toLocaleString('en-US')} items each side, taking turns (load ${loadAtStart} -> ${load()})`,
    );
    const [before, after] = sides.map((side) => {
      const s = summarize(side.times);
      const total = side.times.reduce((a, b) => a + b, 0);
      line(side.name, `median ${ms(s.p50)}, p95 ${ms(s.p95)}, total ${ms(total)}`);
      return { median: s.p50, total };
    });
    line('audit events written (both sides)', `${events} (${WARM_UP + CALLS} expected: the after side's calls)`);
    line('after / before, medians', `${(after.median / before.median).toFixed(3)}`);
    line('after / before, totals', `${(after.total / before.total).toFixed(3)}`);
    const differences = sides[1].times.map((t, i) => t - sides[0].times[i]);
    const paired = summarize(differences.flatMap((d, i) => (i % 2 === 1 ? [(d + differences[i - 1]) / 2] : [])));
    line('paired difference after - before, median', `${ms(paired.p50)} (${((100 * paired.p50) / before.median).toFixed(2)} % of the before median)`);
  } finally {
    for (const side of sides) await stop(side.process);
  }
}

async function auditEventCount(url: string): Promise<number> {
  const client = await connect(url);
  try {
    return (await client.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'membership_change.bulk_recorded'`)).rows[0].n;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_audit_cost');
  const client = await connect(url);
  await seedBenchUnions(client, UNIONS);
  const unionIds = (await client.query(`SELECT id FROM unions ORDER BY code`)).rows.map((r: { id: string }) => r.id);
  // the admin both APIs sign in as, and who records part 1's rows
  const [{ id: adminId }] = (
    await client.query(`INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'ベンチ', 'admin', $2) RETURNING id`, [
      ADMIN.email,
      await argon2.hash(ADMIN.password),
    ])
  ).rows;
  await client.end();
  await insideTransaction(url, unionIds, adminId as string);
  if (BEFORE_ROOT) await throughHttp(url, unionIds, BEFORE_ROOT);
  else console.log('\n2. through HTTP: skipped (set BENCH_BEFORE_ROOT to a built checkout of the commit before the wiring)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
