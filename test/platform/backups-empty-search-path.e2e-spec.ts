import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { makeLedgerFixture } from '../support/ledger-fixture';
import { databaseUrl, dropDatabase, onServer } from '../support/postgres';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

const run = promisify(execFile);

/** Rows per table of schema public, by table name. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string }>(`SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { table } of rows) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM public."${table}"`)).rows[0].n;
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * A restore runs with an empty search_path, and the functions that the ledger's CHECK
 * constraints and the tables' triggers call run inside it (migration 1732300012000). Before,
 * `pg_restore` of any database with ledger rows failed: cause_kind() called cause_kinds()
 * by its bare name.
 */
describe('a dump of a database with ledger rows restores', () => {
  let t: TestApp;
  const restored = `rengo_test_restored_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'rengo-restore-'));

  beforeAll(async () => {
    t = await bootTestApp();
    const ledger = await makeLedgerFixture(t);
    const answer = await ledger.post({ items: ledger.items(40, 3) });
    expect(answer.status).toBe(201);
  });
  afterAll(async () => {
    await dropDatabase(restored);
    rmSync(dir, { recursive: true, force: true });
    await clearQueue(t);
    await t.close();
  });

  it('pg_restore of a pg_dump -Fc succeeds, with the same rows in every table', async () => {
    const file = join(dir, 'ledger.dump');
    await run('pg_dump', ['--format=custom', '--file', file, '--dbname', t.config.databaseUrl]);
    await onServer((client) => client.query(`CREATE DATABASE "${restored}"`));
    await run('pg_restore', ['--exit-on-error', '--no-owner', '--dbname', databaseUrl(restored), file]);

    const before = await rowCounts(t.config.databaseUrl);
    expect(before.membership_changes).toBeGreaterThanOrEqual(40);
    expect(await rowCounts(databaseUrl(restored))).toEqual(before);
  });

  it('every function a CHECK constraint or a trigger calls works with an empty search_path', async () => {
    const [{ id: unionId }] = await t.db.query(`SELECT id FROM unions LIMIT 1`);
    await t.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path = ''`);
      // the ledger's CHECKs (cause_kind), the structure's data-version trigger (bump_data_version)
      await manager.query(
        `INSERT INTO public.membership_changes (union_id, effective_on, delta, cause, employment_type) VALUES ($1, '2026-02-01', 1, 'new_hire', 'regular')`,
        [unionId],
      );
      await manager.query(`UPDATE public.unions SET name = name WHERE id = $1`, [unionId]);
    });
  });
});
