import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { AggregationDoorbell } from '../../src/membership/aggregation/aggregation.doorbell';
import { AGGREGATION_QUEUE } from '../../src/platform/queue/queues';
import { makeCouncil, makeUser } from '../support/factories';
import { LedgerFixture, jobEnd, makeLedgerFixture } from '../support/ledger-fixture';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue, dataVersion, outboxSize, startWorker, waitFor } from '../support/worker-process';

describe('admin: rebuild, jobs, invariants; the doorbell', () => {
  let t: TestApp;
  let queue: Queue;
  let items: LedgerFixture['items'];
  let post: LedgerFixture['post'];
  let invariants: LedgerFixture['invariants'];

  beforeAll(async () => {
    t = await bootTestApp();
    ({ items, post, invariants } = await makeLedgerFixture(t));
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
        {
          unionId: victim.union_id,
          month: victim.month,
          employmentType: victim.employment_type,
          gender: victim.gender,
          cause: victim.cause,
          ledger: victim.members - 5,
          rollup: victim.members,
        },
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
      const job = await jobEnd(t, accepted.body.jobId);
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

  it('forgets idempotency keys after 30 days (hourly job)', async () => {
    const userId = (await t.db.query(`SELECT id FROM users LIMIT 1`))[0].id;
    await t.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, 'old', 'h', now() - interval '31 days'), ($1, 'recent', 'h', now() - interval '29 days')`,
      [userId],
    );
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
