import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Api, concurrently } from '../lib/http';
import { line, rate, timed } from '../lib/stats';

/** Bulk ingest through the API (10,000 items a request, 2 clients) against COPY of the same rows into a bare table. */
export async function measureIngest(db: Client, client: Api, unionIds: string[], last: string): Promise<void> {
  console.log(`\n## ingest`);
  const requests = Number(process.env.BENCH_INGEST_REQUESTS ?? 20);
  const batches = Array.from({ length: requests }, (_, r) =>
    Array.from({ length: 10_000 }, (_, i) => ({
      unionId: unionIds[(r * 10_000 + i) % unionIds.length],
      effectiveOn: `${last}-${String(1 + (i % 28)).padStart(2, '0')}`,
      delta: i % 2 === 0 ? 1 + (i % 3) : -(1 + (i % 3)),
      cause: i % 2 === 0 ? 'new_hire' : 'resignation',
      employmentType: i % 5 === 0 ? 'part_time' : 'regular',
      gender: i % 3 === 0 ? 'female' : 'male',
    })),
  );
  const ingestRows = requests * 10_000;
  const [, ingestMs] = await timed(() => concurrently(2, requests, (i) => client.call('POST', '/membership-changes/bulk', { items: batches[i] })));
  await db.query(`DROP TABLE IF EXISTS bench_copy_target`);
  await db.query(`CREATE TABLE bench_copy_target (union_id uuid, effective_on date, delta int, cause text, employment_type text, gender text)`);
  // one chunk per 10,000 rows (about 1 MB), as a real loader would stream them
  const csv = batches.map((batch) => batch.map((b) => `${b.unionId},${b.effectiveOn},${b.delta},${b.cause},${b.employmentType},${b.gender}\n`).join(''));
  const [, copyMs] = await timed(() => pipeline(Readable.from(csv), db.query(copyFrom(`COPY bench_copy_target FROM STDIN WITH (FORMAT csv)`))));
  await db.query(`DROP TABLE bench_copy_target`);
  const apiRate = ingestRows / (ingestMs / 1000);
  const copyRate = ingestRows / (copyMs / 1000);
  line(`bulk API, ${requests} x 10,000 items, 2 clients`, rate(ingestRows, ingestMs / 1000));
  line('COPY into a bare table, same rows', rate(ingestRows, copyMs / 1000));
  line('ratio API / COPY (target >= 0.33)', (apiRate / copyRate).toFixed(2));
}
