import { Client } from 'pg';
import { Api } from '../lib/http';
import { line, timed } from '../lib/stats';

/** Full rebuild through the job, against one plain INSERT ... SELECT ... GROUP BY over the same ledger. */
export async function measureRebuild(db: Client, client: Api): Promise<void> {
  console.log(`\n## full rebuild`);
  await db.query(`DROP TABLE IF EXISTS bench_plain_groupby`);
  await db.query(`CREATE TABLE bench_plain_groupby (union_id uuid, month date, employment_type text, gender text,
                                                    cause text, members bigint, changes bigint)`);
  const [, plainMs] = await timed(() =>
    db.query(`INSERT INTO bench_plain_groupby
              SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
              FROM membership_changes GROUP BY 1, 2, 3, 4, 5`),
  );
  await db.query(`DROP TABLE bench_plain_groupby`);
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
}
