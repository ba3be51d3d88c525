import { join } from 'node:path';
import { Client } from 'pg';
import { LedgerEntry, appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerOptions, WorkerProcess, clearQueue, outboxSize, startWorker, waitFor } from '../support/worker-process';

/** The crash-safety and concurrency claims of the aggregation, against real worker processes. */
describe('aggregation worker processes', () => {
  let t: TestApp;
  let unions: string[];
  const workers: WorkerProcess[] = [];
  const start = async (name: string, options?: WorkerOptions): Promise<WorkerProcess> => {
    const worker = await startWorker(t, name, options);
    workers.push(worker);
    return worker;
  };
  const changes = (count: number, seed: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = seed + i;
      return {
        unionId: unions[n % unions.length],
        effectiveOn: `202${5 + (n % 2)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
        delta: n % 3 ? 1 + (n % 4) : -(1 + (n % 2)),
        cause: n % 3 ? (n % 5 ? 'new_hire' : 'non_regular_enrollment') : n % 2 ? 'resignation' : 'retirement',
        employmentType: ['regular', 'part_time', 'fixed_term'][n % 3],
        gender: ['female', 'male', 'male', 'unspecified'][n % 4],
      };
    });
  const post = (items: unknown[]) => t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items } });
  /** Direct SQL: union-level keys where the rollup differs from the applied ledger, and the three totals. */
  const compare = async () => {
    const [row] = await t.db.query(`
      SELECT (SELECT count(*)::int FROM (
                SELECT union_id, month, employment_type, gender, cause, sum(delta) AS members FROM membership_changes
                WHERE id NOT IN (SELECT change_id FROM aggregation_outbox) GROUP BY 1, 2, 3, 4, 5) l
              FULL JOIN union_month_rollups r USING (union_id, month, employment_type, gender, cause)
              WHERE coalesce(l.members, 0) <> coalesce(r.members, 0)) AS differing,
             (SELECT coalesce(sum(delta), 0)::int FROM membership_changes WHERE id NOT IN (SELECT change_id FROM aggregation_outbox)) AS ledger,
             (SELECT coalesce(sum(members), 0)::int FROM union_month_rollups) AS union_level,
             (SELECT coalesce(sum(net), 0)::int FROM group_month_rollups WHERE level = 'total') AS total_level`);
    return row as { differing: number; ledger: number; union_level: number; total_level: number };
  };
  const expectRollupsEqualLedger = async () => {
    const sql = await compare();
    expect(sql.differing).toBe(0);
    expect([sql.union_level, sql.total_level]).toEqual([sql.ledger, sql.ledger]);
    const invariants = await t.request('GET', '/admin/invariants', { token: t.adminToken });
    expect(invariants.body).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
  };

  /** SIGTERM: Nest closes the queue worker first (after its current job), then re-raises the signal. */
  const expectGracefulStop = async (worker: WorkerProcess) => {
    expect(await worker.stop()).toBe('SIGTERM');
    expect(worker.output()).toContain('queue worker closed');
  };

  beforeAll(async () => {
    t = await bootTestApp();
    const councils = [await makeCouncil(t), await makeCouncil(t), await makeCouncil(t)];
    const federations = [await makeFederation(t), await makeFederation(t)];
    unions = [];
    for (let i = 0; i < 24; i++) unions.push(await makeUnion(t, { regionalCouncilId: councils[i % 3], federationId: i % 5 ? federations[i % 2] : null }));
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => (w.child.exitCode === null && w.child.signalCode === null ? w.kill() : Promise.resolve())));
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('survives kill -9 in the middle of a batch: nothing half-applied, nothing lost, nothing counted twice', async () => {
    const first = await start('worker A');
    for (let i = 0; i < 3; i++) expect((await post(changes(1000, i * 1000))).status).toBe(201);
    await waitFor('worker A to apply the first 3,000 changes', async () => (await outboxSize(t)) === 0);
    await expectRollupsEqualLedger();

    // hold a rollup table so the next batch stops midway: outbox rows claimed, union level written, not committed
    const blocker = new Client({ connectionString: t.config.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE group_month_cause_rollups IN SHARE MODE');
    for (let i = 3; i < 6; i++) expect((await post(changes(1000, i * 1000))).status).toBe(201);
    const batchWaiting = async () =>
      (await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%aggregation_apply_batch%'`)).rows[0]
        .n === 1;
    await waitFor('worker A to block inside its batch', batchWaiting);
    await first.kill();
    await blocker.query('COMMIT');
    await blocker.end();
    await waitFor(
      'the killed batch to end',
      async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%aggregation_apply_batch%' AND state <> 'idle' AND pid <> pg_backend_pid()`,
          )
        )[0].n === 0,
    );
    expect(await outboxSize(t)).toBe(3000); // the killed batch rolled back: all of it is pending again
    await expectRollupsEqualLedger(); // and what was applied still equals the applied ledger

    const second = await start('worker B'); // its start-up sweep finds the rows, no doorbell needed
    await waitFor('worker B to drain the outbox', async () => (await outboxSize(t)) === 0);
    await waitFor('worker B to report', async () => second.applied() >= 3000);
    expect(second.applied()).toBe(3000);
    await expectRollupsEqualLedger();
    expect((await compare()).ledger).toBe((await t.db.query(`SELECT sum(delta)::int AS n FROM membership_changes`))[0].n);
    await expectGracefulStop(second);
  });

  it('lets two workers drain 10,000 changes at once, each change applied exactly once', async () => {
    // 5,000 changes whose doorbells were "lost" (written straight to the ledger), then 5,000 through the API
    await t.db.transaction((manager) => appendToLedger(manager, changes(5000, 100_000) as LedgerEntry[], 'import', null));
    const [one, two] = await Promise.all([start('worker C'), start('worker D')]);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(changes(500, 200_000 + i * 500))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    await waitFor('two workers to drain 10,000 changes', async () => (await outboxSize(t)) === 0, 60_000);
    await waitFor('the workers to report', async () => one.applied() + two.applied() >= 10_000);
    expect(one.applied() + two.applied()).toBe(10_000);
    await expectRollupsEqualLedger();
    console.log(`worker C applied ${one.applied()}, worker D applied ${two.applied()}`);
    await Promise.all([expectGracefulStop(one), expectGracefulStop(two)]);
  });

  it('applies a write made while a drain runs within about a second, without waiting for a sweep', async () => {
    const worker = await start('worker E');
    await waitFor('an empty outbox', async () => (await outboxSize(t)) === 0);
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const big = post(changes(2000, 300_000 + i * 3000)); // keeps a drain busy
      await new Promise((resolve) => setTimeout(resolve, 150));
      const started = Date.now();
      const small = await t.request('POST', '/membership-changes', { token: t.adminToken, body: changes(1, 400_000 + i)[0] });
      await big;
      await waitFor(
        'the single change to be applied',
        async () => (await t.db.query(`SELECT count(*)::int AS n FROM aggregation_outbox WHERE change_id = $1`, [small.body.id]))[0].n === 0,
      );
      latencies.push(Date.now() - started);
    }
    console.log(`write to rollup latency while draining (ms): ${latencies.join(', ')}`);
    expect(Math.max(...latencies)).toBeLessThan(4000); // the doorbell path is ~1 s here; generous for loaded machines
    await expectRollupsEqualLedger();
    await expectGracefulStop(worker);
  });

  it('writes its last log lines before it ends on SIGTERM, even while the thread pool is busy', async () => {
    // the pool's one thread is busy from the signal on: a log line written through it would be lost
    const worker = await start('worker F', { preload: [join(__dirname, '..', 'support', 'busy-thread-pool.ts')], env: { UV_THREADPOOL_SIZE: '1' } });
    await expectGracefulStop(worker);
  });
});
