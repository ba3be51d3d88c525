import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { AggregationDoorbell } from '../src/aggregation/aggregation.doorbell';
import { appendToLedger } from '../src/membership-changes/ledger-writer';
import { AGGREGATION_QUEUE } from '../src/queue/queues';
import { makeCouncil, makeFederation, makeUnion, makeUser } from './support/factories';
import { TestApp, bootTestApp } from './support/test-app';
import { clearQueue, outboxSize, startWorker, waitFor } from './support/worker-process';

describe('admin: rebuild, jobs, invariants; the doorbell', () => {
  let t: TestApp;
  let unions: string[];
  let queue: Queue;
  const items = (count: number, seed: number) =>
    Array.from({ length: count }, (_, i) => ({
      unionId: unions[(seed + i) % unions.length],
      effectiveOn: `2026-${String(1 + ((seed + i) % 9)).padStart(2, '0')}-15`,
      delta: (seed + i) % 4 ? 2 : -1,
      cause: (seed + i) % 4 ? 'new_hire' : 'contract_end',
      employmentType: (seed + i) % 3 ? 'regular' : 'fixed_term',
      gender: (seed + i) % 2 ? 'female' : 'male',
    }));
  const post = (body: unknown) => t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body });
  const invariants = async () => (await t.request('GET', '/admin/invariants', { token: t.adminToken })).body;

  beforeAll(async () => {
    t = await bootTestApp();
    const councilId = await makeCouncil(t);
    const federationId = await makeFederation(t);
    unions = [];
    for (let i = 0; i < 6; i++) unions.push(await makeUnion(t, { regionalCouncilId: councilId, federationId: i % 3 ? federationId : null }));
    queue = new Queue(AGGREGATION_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  });
  afterAll(async () => {
    await queue.close();
    await clearQueue(t);
    await t.close();
  });

  it('rings the doorbell after each write, coalesced into one waiting drain', async () => {
    for (let i = 0; i < 5; i++) expect((await post({ items: items(10, i * 10) })).status).toBe(201);
    const waiting = await queue.getWaiting();
    expect(waiting.map((job) => job.name)).toEqual(['drain']);
    expect(waiting[0].data).toEqual({});
  });

  it('runs one more drain after a drain during which the doorbell rang (no wait for the sweep)', async () => {
    const prefix = `${t.config.queuePrefix}_bell`;
    const bellQueue = new Queue(AGGREGATION_QUEUE, { connection: { url: t.config.redisUrl }, prefix });
    const doorbell = new AggregationDoorbell(bellQueue);
    let release: () => void = () => undefined;
    const processed: string[] = [];
    const worker = new Worker(
      AGGREGATION_QUEUE,
      async (job: Job) => {
        processed.push(job.id as string);
        if (processed.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      { connection: { url: t.config.redisUrl }, prefix },
    );
    try {
      await doorbell.ring();
      await waitFor('the first drain to be active', async () => processed.length === 1);
      await Promise.all([doorbell.ring(), doorbell.ring(), doorbell.ring()]);
      expect(await bellQueue.getWaitingCount()).toBe(0); // kept aside while the first is active
      release();
      await waitFor('exactly one more drain', async () => processed.length === 2, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(processed).toHaveLength(2);
    } finally {
      await worker.close();
      await bellQueue.obliterate({ force: true });
      await bellQueue.close();
    }
  });

  it('finds corrupted rollups, rebuilds them in a job that reports progress, and then finds none', async () => {
    expect(await invariants()).toMatchObject({ ok: true, pendingInOutbox: 50 });
    const worker = await startWorker(t);
    try {
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      expect((await post({ items: items(2000, 1000) })).status).toBe(201);
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0, pendingInOutbox: 0 });

      const [[victim]] = await t.db.query(`UPDATE union_month_rollups SET members = members + 5
        WHERE (union_id, month, employment_type, gender, cause) IN (SELECT union_id, month, employment_type, gender, cause FROM union_month_rollups LIMIT 1)
        RETURNING union_id, to_char(month, 'YYYY-MM') AS month, employment_type, gender, cause, members`);
      await t.db.query(`DELETE FROM group_month_rollups WHERE level = 'sector'`);
      const broken = await invariants();
      expect(broken.ok).toBe(false);
      expect(broken.mismatches).toEqual([
        { unionId: victim.union_id, month: victim.month, employmentType: victim.employment_type, gender: victim.gender, cause: victim.cause, ledger: victim.members - 5, rollup: victim.members },
      ]);
      expect(broken.derivedMismatches.some((m: { level: string }) => m.level === 'sector')).toBe(true);

      // a table left behind by a rebuild that died after its second connection committed
      await t.db.query(`CREATE TABLE group_month_rollups_next AS SELECT * FROM group_month_rollups LIMIT 3`);
      const versionBefore = await dataVersion(t);

      const events = new QueueEvents(AGGREGATION_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
      await events.waitUntilReady();
      const progress: unknown[] = [];
      events.on('progress', ({ data }) => progress.push(data));
      const accepted = await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken });
      expect(accepted.status).toBe(202);
      const path = `/admin/jobs/${accepted.body.jobId}`;
      await waitFor('the rebuild to complete', async () => (await t.request('GET', path, { token: t.adminToken })).body.state === 'completed');
      const job = (await t.request('GET', path, { token: t.adminToken })).body;
      expect(job).toMatchObject({ id: accepted.body.jobId, name: 'rebuild', state: 'completed', progress: 100 });
      expect(job.result.rows).toBeGreaterThan(0);
      await waitFor('the progress events', async () => progress.length === 4, 5_000);
      await events.close();
      expect(progress).toEqual([5, 50, 90, 100]);

      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
      const [sums] = await t.db.query(`SELECT (SELECT sum(delta)::int FROM membership_changes) AS ledger,
        (SELECT sum(members)::int FROM union_month_rollups) AS unions, (SELECT sum(net)::int FROM group_month_rollups WHERE level = 'sector') AS sectors`);
      expect([sums.unions, sums.sectors]).toEqual([sums.ledger, sums.ledger]);

      // the swapped-in tables are the only ones, and they still move the data version
      const [{ leftovers }] = await t.db.query(`SELECT count(*)::int AS leftovers FROM pg_tables WHERE tablename LIKE '%rollups_next'`);
      expect(leftovers).toBe(0);
      const versionAfter = await dataVersion(t);
      expect(versionAfter).toBeGreaterThan(versionBefore);
      for (const table of ['union_month_rollups', 'group_month_rollups', 'group_month_cause_rollups']) {
        await t.db.query(`UPDATE ${table} SET month = month WHERE false`);
      }
      expect(await dataVersion(t)).toBe(versionAfter + 3);
    } finally {
      await worker.stop();
    }
  });

  it('counts a write in flight when a rebuild starts, and one that arrives while it waits, exactly once', async () => {
    const worker = await startWorker(t);
    const inflight = t.db.createQueryRunner();
    try {
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      // a ledger write in flight: its rows are written, its transaction not yet committed
      await inflight.connect();
      await inflight.startTransaction();
      await appendToLedger(inflight.manager, [{ unionId: unions[0], effectiveOn: '2026-03-10', delta: 7, cause: 'new_hire', employmentType: 'regular' }], 'api', null);

      const accepted = await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken });
      expect(accepted.status).toBe(202);
      const waitingForOutbox = async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'aggregation_outbox'::regclass AND NOT granted`))[0].n;
      await waitFor('the rebuild to wait for the write in flight', async () => (await waitingForOutbox()) === 1);
      const late = post({ items: items(5, 500) }); // queues behind the rebuild
      await waitFor('the late write to queue', async () => (await waitingForOutbox()) === 2);
      await inflight.commitTransaction();

      expect((await late).status).toBe(201);
      const path = `/admin/jobs/${accepted.body.jobId}`;
      await waitFor('the rebuild to complete', async () => (await t.request('GET', path, { token: t.adminToken })).body.state === 'completed');
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
      const [sums] = await t.db.query(`SELECT (SELECT sum(delta)::int FROM membership_changes) AS ledger,
        (SELECT sum(members)::int FROM union_month_rollups) AS unions,
        (SELECT sum(net)::int FROM group_month_rollups WHERE level = 'total') AS total,
        (SELECT sum(members)::int FROM group_month_cause_rollups WHERE level = 'total') AS causes`);
      expect([sums.unions, sums.total, sums.causes]).toEqual([sums.ledger, sums.ledger, sums.ledger]);
    } finally {
      if (inflight.isTransactionActive) await inflight.rollbackTransaction();
      await inflight.release();
      await worker.stop();
    }
  });

  it('keeps answering reports from the old figures while a rebuild is under way', async () => {
    const worker = await startWorker(t);
    const holder = t.db.createQueryRunner();
    const growth = (from: string) => t.request('GET', `/reports/growth?groupBy=federation&from=${from}&to=2026-09`, { token: t.adminToken });
    try {
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      const before = await growth('2026-01');
      expect(before.status).toBe(200);
      // hold the ledger so the rebuild stops after it has taken the outbox, before the swap
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`LOCK TABLE membership_changes IN ACCESS EXCLUSIVE MODE`);
      const accepted = await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken });
      await waitFor('the rebuild to be under way', async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'membership_changes'::regclass AND NOT granted`))[0].n >= 1,
      );
      const [{ outboxTaken }] = await t.db.query(
        `SELECT count(*)::int AS "outboxTaken" FROM pg_locks WHERE relation = 'aggregation_outbox'::regclass AND mode = 'AccessExclusiveLock' AND granted`,
      );
      expect(outboxTaken).toBe(1);

      const during = await growth('2026-01'); // the cached answer
      const computed = await growth('2026-02'); // an answer computed from the rollups now
      expect([during.status, computed.status]).toEqual([200, 200]);
      expect(during.body.groups).toEqual(before.body.groups);
      expect(computed.body.groups.map((g: { months: unknown[] }) => g.months.length)).toEqual(before.body.groups.map(() => 8));

      await holder.commitTransaction();
      const path = `/admin/jobs/${accepted.body.jobId}`;
      await waitFor('the rebuild to complete', async () => (await t.request('GET', path, { token: t.adminToken })).body.state === 'completed');
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
      expect((await growth('2026-01')).body.groups).toEqual(before.body.groups);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await worker.stop();
    }
  });

  it('forgets idempotency keys after 30 days (hourly job)', async () => {
    const userId = (await t.db.query(`SELECT id FROM users LIMIT 1`))[0].id;
    await t.db.query(`INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, 'old', 'h', now() - interval '31 days'), ($1, 'recent', 'h', now() - interval '29 days')`, [userId]);
    const worker = await startWorker(t);
    const events = new QueueEvents(AGGREGATION_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    try {
      const job = await queue.add('expire-idempotency-keys', {});
      expect(await job.waitUntilFinished(events, 20_000)).toEqual({ expired: 1 });
      expect((await t.db.query(`SELECT key FROM idempotency_keys WHERE key IN ('old', 'recent')`)).map((r: { key: string }) => r.key)).toEqual(['recent']);
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['aggregation-sweep', 'idempotency-key-expiry']);
    } finally {
      await events.close();
      await worker.stop();
    }
  });

  it('keeps these endpoints to their roles and answers 404 for an unknown job', async () => {
    expect((await t.request('GET', '/admin/jobs/no-such-job', { token: t.adminToken })).status).toBe(404);
    const leadership = await makeUser(t, 'leadership');
    const regional = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
    expect((await t.request('GET', '/admin/invariants', { token: leadership.token })).status).toBe(200);
    expect((await t.request('POST', '/admin/aggregations/rebuild', { token: leadership.token })).status).toBe(403);
    expect((await t.request('GET', '/admin/jobs/1', { token: leadership.token })).status).toBe(403);
    expect((await t.request('GET', '/admin/invariants', { token: regional.token })).status).toBe(403);
    expect((await t.request('GET', '/admin/invariants')).status).toBe(401);
  });
});

async function dataVersion(t: TestApp): Promise<number> {
  const [row] = await t.db.query(`SELECT data_version::int AS v FROM aggregation_state WHERE id = 1`);
  return row.v;
}
