import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { LedgerFixture, jobEnd, makeLedgerFixture } from '../support/ledger-fixture';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue, dataVersion, outboxSize, startWorker, waitFor } from '../support/worker-process';

describe('rebuild: beside writes and reports, and when it fails', () => {
  let t: TestApp;
  let unions: string[];
  let items: LedgerFixture['items'];
  let post: LedgerFixture['post'];
  let invariants: LedgerFixture['invariants'];

  beforeAll(async () => {
    t = await bootTestApp();
    ({ unions, items, post, invariants } = await makeLedgerFixture(t));
    expect((await post({ items: items(300, 0) })).status).toBe(201);
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('counts a write in flight when a rebuild starts, and one that arrives while it waits, exactly once', async () => {
    const worker = await startWorker(t);
    const inflight = t.db.createQueryRunner();
    try {
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      // a ledger write in flight: its rows are written, its transaction not yet committed
      await inflight.connect();
      await inflight.startTransaction();
      await appendToLedger(
        inflight.manager,
        [{ unionId: unions[0], effectiveOn: '2026-03-10', delta: 7, cause: 'new_hire', employmentType: 'regular' }],
        'api',
        null,
      );

      const accepted = await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken });
      expect(accepted.status).toBe(202);
      const waitingForOutbox = async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'aggregation_outbox'::regclass AND NOT granted`))[0].n;
      await waitFor('the rebuild to wait for the write in flight', async () => (await waitingForOutbox()) === 1);
      const late = post({ items: items(5, 500) }); // queues behind the rebuild
      await waitFor('the late write to queue', async () => (await waitingForOutbox()) === 2);
      await inflight.commitTransaction();

      expect((await late).status).toBe(201);
      expect((await jobEnd(t, accepted.body.jobId)).state).toBe('completed');
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
      await waitFor(
        'the rebuild to be under way',
        async () => (await t.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'membership_changes'::regclass AND NOT granted`))[0].n >= 1,
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
      expect((await jobEnd(t, accepted.body.jobId)).state).toBe('completed');
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
      expect((await growth('2026-01')).body.groups).toEqual(before.body.groups);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await worker.stop();
    }
  });

  it('keeps the live figures when a rebuild fails after its second connection committed', async () => {
    const worker = await startWorker(t);
    const rebuild = async () => jobEnd(t, (await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken })).body.jobId);
    try {
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      const version = await dataVersion(t);
      // something that depends on the live table makes the final swap fail, after B's commit
      await t.db.query(`CREATE VIEW test_depends_on_rollups AS SELECT union_id FROM union_month_rollups`);
      const failed = await rebuild();
      expect(failed.state).toBe('failed');
      expect(failed.failedReason).toContain('cannot drop table union_month_rollups');
      expect(await dataVersion(t)).toBe(version);
      const [{ left }] = await t.db.query(`SELECT count(*)::int AS left FROM pg_tables WHERE tablename = 'group_month_rollups_next'`);
      expect(left).toBe(1); // B's committed half, which nothing reads

      expect((await post({ items: items(20, 700) })).status).toBe(201);
      await waitFor('the outbox to drain', async () => (await outboxSize(t)) === 0);
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });

      await t.db.query(`DROP VIEW test_depends_on_rollups`);
      expect((await rebuild()).state).toBe('completed');
      const [{ leftovers }] = await t.db.query(`SELECT count(*)::int AS leftovers FROM pg_tables WHERE tablename LIKE '%rollups_next'`);
      expect(leftovers).toBe(0);
      expect(await invariants()).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
    } finally {
      await t.db.query(`DROP VIEW IF EXISTS test_depends_on_rollups`);
      await worker.stop();
    }
  });
});
