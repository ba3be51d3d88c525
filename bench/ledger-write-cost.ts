import { once } from 'node:events';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connect, recreateDatabase } from './lib/database';
import { line, rate } from './lib/stats';
import { seedBenchUnions } from './lib/structure';

/**
 * What one ledger row costs to write, piece by piece: `npm run build && node dist/bench/ledger-write-cost.js`.
 * The same BENCH_LEDGER_ROWS rows (default 1,000,000) are COPYed, inside a transaction that is
 * rolled back, into tables that add one part of the ledger at a time:
 *   bare          an unindexed table shaped like the import staging (the imports bench's yardstick)
 *   shape         a table shaped like membership_changes: identity seq, generated month, the CHECKs
 *   + indexes     the same with the ledger's own index definitions
 *   ledger        membership_changes itself: those indexes and the four foreign keys
 *   ledger+outbox the ledger and one aggregation_outbox row per change, as every write path does
 *   commit        the import's own commit statement from staged rows (the staging COPY not timed)
 * Each variant runs BENCH_LEDGER_ROUNDS times (default 2) in turn, the best time counts; the
 * ratio to `bare` is the ceiling a commit through that much of the ledger can reach.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_LEDGER_ROUNDS ?? 2);
const UNIONS = 1000;
const LEDGER_COLUMNS = 'id, union_id, effective_on, delta, cause, employment_type, gender, import_id, source, recorded_by';

interface Variant {
  name: string;
  /** COPY target with its column list, and the text to send. */
  target: string;
  text: 'bare' | 'ledger';
  /** Extra work in the same transaction (the outbox rows). */
  after?: (client: Client) => Promise<void>;
  /** Only `after` is timed: the COPY prepares (the import's staging rows). */
  timeAfterOnly?: boolean;
}

async function seed(client: Client): Promise<{ importId: string; userId: string }> {
  await seedBenchUnions(client, UNIONS);
  const [{ id: user }] = (
    await client.query(`INSERT INTO users (email, display_name, role, password_hash) VALUES ('bench-ledger@bench.rengo', 'ベンチ', 'admin', 'x') RETURNING id`)
  ).rows;
  const [{ id: importId }] = (
    await client.query(
      `INSERT INTO imports (kind, file_name, file_size, sha256, state, created_by) VALUES ('membership-changes', 'bench.csv', 0, 'bench', 'committing', $1) RETURNING id`,
      [user],
    )
  ).rows;
  // the rows, as the imports bench makes them: 1,000 unions in turn, four causes, two types, two genders
  await client.query(
    `CREATE TABLE source AS
     SELECT uuid_v7() AS id, i AS row_number, u.id AS union_id,
            make_date(2025, (i % 12) + 1, (i % 28) + 1) AS effective_on,
            (CASE WHEN i % 4 < 2 THEN 1 ELSE -1 END) * ((i % 5) + 1) AS delta,
            (ARRAY['new_hire', 'transfer_in', 'resignation', 'retirement'])[(i % 4) + 1] AS cause,
            CASE WHEN i % 3 = 0 THEN 'part_time' ELSE 'regular' END AS employment_type,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END AS gender, $1::uuid AS user_id
     FROM generate_series(0, ${ROWS - 1}) i
     JOIN (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS n FROM unions) u ON u.n = i % ${UNIONS}`,
    [user],
  );
  return { importId, userId: user as string };
}

/** The COPY text of the source rows, for the staging shape and for the ledger's columns. */
async function copyTexts(client: Client, importId: string): Promise<Record<Variant['text'], string>> {
  if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error('not an import id');
  const text = async (columns: string): Promise<string> =>
    `${(await client.query(`SELECT string_agg(concat_ws(E'\\t', ${columns}), E'\\n' ORDER BY row_number) AS t FROM source`)).rows[0].t}\n`;
  return {
    bare: await text(`'${importId}', row_number, union_id, effective_on, delta, '\\N', cause, employment_type, gender, '\\N'`),
    ledger: await text(`id, union_id, effective_on, delta, cause, employment_type, gender, '${importId}', 'import', user_id`),
  };
}

/** A table shaped like the ledger (identity, generated month, CHECKs); with its index definitions if asked. */
async function ledgerShaped(client: Client, name: string, withIndexes: boolean): Promise<void> {
  await client.query(`CREATE TABLE ${name} (LIKE membership_changes INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING CONSTRAINTS)`);
  if (!withIndexes) return;
  const { rows } = await client.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'membership_changes'`);
  for (const { indexdef } of rows as { indexdef: string }[]) {
    await client.query(indexdef.replace(/INDEX (\S+) ON public\.membership_changes/, `INDEX $1_${name} ON public.${name}`));
  }
}

async function copyInto(client: Client, target: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  const done = new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  const chunk = 1 << 20;
  for (let at = 0; at < text.length; at += chunk) if (!stream.write(text.slice(at, at + chunk))) await once(stream, 'drain');
  stream.end();
  await done;
}

async function timeVariant(client: Client, variant: Variant, text: string): Promise<number> {
  // every variant starts from the same clean state: no dirty pages of the last one to write out
  await client.query('CHECKPOINT').catch(() => undefined);
  let started = process.hrtime.bigint();
  await client.query('BEGIN');
  try {
    await copyInto(client, variant.target, text);
    if (variant.timeAfterOnly) started = process.hrtime.bigint();
    await variant.after?.(client);
  } finally {
    await client.query('ROLLBACK');
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_ledger_cost');
  const client = await connect(url);
  try {
    const { importId, userId } = await seed(client);
    const texts = await copyTexts(client, importId);
    await client.query('CREATE TABLE bench_bare (LIKE import_rows)');
    await ledgerShaped(client, 'bench_shape', false);
    await ledgerShaped(client, 'bench_indexed', true);
    const variants: Variant[] = [
      { name: 'bare: unindexed staging-shaped table', target: 'bench_bare', text: 'bare' },
      { name: 'shape: ledger columns, identity, CHECKs', target: `bench_shape (${LEDGER_COLUMNS})`, text: 'ledger' },
      { name: "+ the ledger's indexes", target: `bench_indexed (${LEDGER_COLUMNS})`, text: 'ledger' },
      { name: 'ledger: + the four foreign keys', target: `membership_changes (${LEDGER_COLUMNS})`, text: 'ledger' },
      {
        name: 'ledger + one outbox row per change',
        target: `membership_changes (${LEDGER_COLUMNS})`,
        text: 'ledger',
        after: async (c) => {
          await c.query(`INSERT INTO aggregation_outbox (change_id) SELECT id FROM membership_changes WHERE import_id = $1`, [importId]);
        },
      },
      {
        // the rows staged as the import's check leaves them, then the commit's statement (ImportCommit.changes), timed alone
        name: 'the import commit: staging -> ledger + outbox',
        target: 'import_rows',
        text: 'bare',
        timeAfterOnly: true,
        after: async (c) => {
          await c.query(
            `WITH inserted AS (
               INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, note, import_id, source, recorded_by)
               SELECT r.union_id, r.effective_on, r.delta, r.cause, r.employment_type, r.gender, r.note, r.import_id, 'import', $2::uuid
               FROM import_rows r WHERE r.import_id = $1 ORDER BY r.row_number
               RETURNING id
             )
             INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted`,
            [importId, userId],
          );
        },
      },
    ];
    const best = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of variants) {
        const seconds = await timeVariant(client, variant, texts[variant.text]);
        best.set(variant.name, Math.min(best.get(variant.name) ?? Infinity, seconds));
      }
    }
    const bare = best.get(variants[0].name)!;
    console.log(`\n${ROWS.toLocaleString('en-US')} rows, COPY in a rolled-back transaction, best of ${ROUNDS}`);
    for (const variant of variants) {
      const seconds = best.get(variant.name)!;
      line(variant.name, `${seconds.toFixed(1)} s (${rate(ROWS, seconds)}), ${(bare / seconds).toFixed(2)} of bare`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
