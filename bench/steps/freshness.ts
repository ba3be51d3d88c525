import { Client } from 'pg';
import { Api } from '../lib/http';
import { line, ms, summarize, timed } from '../lib/stats';

/** Time from a POST to the change showing in the growth report, while 200 changes/s are written. */
export async function measureFreshness(db: Client, client: Api, unionIds: string[]): Promise<void> {
  console.log(`\n## freshness`);
  const [, drainMs] = await timed(async () => {
    for (;;) {
      const { rows: pending } = await db.query(`SELECT count(*)::int AS n FROM aggregation_outbox`);
      if (pending[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  line('worker drained any backlog in', `${(drainMs / 1000).toFixed(1)} s`);
  const probeFederation = (
    await db.query(`INSERT INTO federations (code, name, sector_code) VALUES ('probe-' || floor(random() * 1e9)::text, '計測', 'sec1') RETURNING id`)
  ).rows[0].id;
  const probeUnion = (
    await db.query(
      `INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name)
       SELECT 'probe-' || floor(random() * 1e9)::text, '計測労組', $1, id, '計測' FROM regional_councils LIMIT 1 RETURNING id`,
      [probeFederation],
    )
  ).rows[0].id;
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  let writing = true;
  let written = 0;
  const writers = Array.from({ length: 8 }, async (_, w) => {
    const started = Date.now();
    while (writing) {
      await client.call('POST', '/membership-changes', {
        unionId: unionIds[(w * 97 + written) % unionIds.length],
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
}
