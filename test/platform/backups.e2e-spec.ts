import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { backUp } from '../../src/platform/backups/backup';
import { checkRestoredRollups } from '../../src/membership/aggregation/restored-rollups';
import { restoreDrill } from '../../src/platform/backups/drill';
import { RestoreRefused, restoreBackup } from '../../src/platform/backups/restore';
import { Steps } from '../../src/platform/backups/steps';
import { makeLedgerFixture } from '../support/ledger-fixture';
import { databaseUrl, dropDatabase, onServer } from '../support/postgres';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

/** A command-line entry point of src/platform/backups, run from its TypeScript source as npm would run it from dist. */
async function cli(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = [join(root, 'scripts', 'register-ts.cjs'), join(root, 'src', 'platform', 'backups', file)];
  try {
    const { stdout, stderr } = await run(process.execPath, ['--require', ...command, ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const databaseExists = async (name: string): Promise<boolean> =>
  onServer(async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);

/** One number read from the database `name` (a restored or scratch one). */
async function numberIn(name: string, text: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return Number((await client.query(text)).rows[0].n);
  } finally {
    await client.end();
  }
}

/** A Steps that keeps its printed lines for the test instead of printing them. */
const quietSteps = (): Steps & { lines: string[] } => {
  const lines: string[] = [];
  return Object.assign(new Steps((line) => lines.push(line)), { lines });
};

describe('backups: npm run backup, npm run restore, npm run restore:drill', () => {
  let t: TestApp;
  let dir: string;
  const scratch: string[] = [];
  const newDatabase = (label: string): string => {
    const name = `rengo_test_${label}_${process.pid}_${scratch.length}`;
    scratch.push(name);
    return name;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    const ledger = await makeLedgerFixture(t);
    expect((await ledger.post({ items: ledger.items(60, 1) })).status).toBe(201);
    // half the ledger applied to the rollups, half still in the outbox: the restore checks both
    await t.db.query(`SELECT aggregation_apply_batch(30)`);
    dir = await mkdtemp(join(tmpdir(), 'rengo-backups-'));
  });
  afterAll(async () => {
    for (const name of scratch) await dropDatabase(name);
    await rm(dir, { recursive: true, force: true });
    await clearQueue(t);
    await t.close();
  });

  it('npm run backup writes a pg_dump -Fc and a manifest: its sha256, every table row count, the newest ledger row, the schema version', async () => {
    const out = join(dir, 'cli');
    const answer = await cli('backup-cli.ts', [], { DATABASE_URL: t.config.databaseUrl, BACKUP_DIR: out });
    expect(answer).toMatchObject({ code: 0, stderr: '' });
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(2);
    const [dump, manifestFile] = files;
    expect(dump).toMatch(/^rengo_test_\w+-\d{8}T\d{9}Z\.dump$/);
    expect(manifestFile).toBe(dump.replace(/\.dump$/, '.manifest.json'));
    expect(answer.stdout).toContain(join(out, dump));

    const bytes = await readFile(join(out, dump));
    expect(bytes.subarray(0, 5).toString()).toBe('PGDMP'); // the custom format's signature
    const manifest = JSON.parse(await readFile(join(out, manifestFile), 'utf8'));
    const tables: { name: string }[] = await t.db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await t.db.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    const [{ newest, migration }] = await t.db.query(
      `SELECT (SELECT max(recorded_at) FROM membership_changes) AS newest, (SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1) AS migration`,
    );
    expect(manifest).toEqual({
      format: 'rengo-backup/1',
      dump,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      database: t.config.databaseUrl.split('/').pop(),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      schemaVersion: migration,
      newestLedgerRowAt: newest.toISOString(),
      pgDump: expect.stringMatching(/^pg_dump \(PostgreSQL\) \d+/),
      rowCounts: counts,
    });
    expect(manifest.rowCounts.membership_changes).toBeGreaterThanOrEqual(60);
  });

  it('npm run backup without BACKUP_DIR stops with one line saying so', async () => {
    const answer = await cli('backup-cli.ts', [], { DATABASE_URL: t.config.databaseUrl });
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('BACKUP_DIR is not set');
  });

  it('npm run restore restores into a new database and checks the schema, the row counts and the rollups', async () => {
    const { file } = await backUp({ databaseUrl: t.config.databaseUrl, dir: join(dir, 'restore'), keep: 14 });
    const into = newDatabase('restored');
    const answer = await cli('restore-cli.ts', [file, '--into', into], { DATABASE_URL: t.config.databaseUrl });
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
    for (const step of ['checksum', 'restore', 'schema', 'row counts', 'rollups']) expect(answer.stdout).toMatch(new RegExp(`✓ ${step} +\\d+\\.\\d\\d s`));
    expect(answer.stdout).toContain(`restored into ${into}: every check held`);
    expect(await numberIn(into, `SELECT count(*) AS n FROM membership_changes`)).toBeGreaterThanOrEqual(60);
  });

  it('refuses a corrupted dump before writing anything, with a clear message', async () => {
    const { file, manifestFile } = await backUp({ databaseUrl: t.config.databaseUrl, dir: join(dir, 'corrupt'), keep: 14 });
    const damaged = join(dir, 'corrupt', 'damaged.dump');
    await copyFile(file, damaged);
    await copyFile(manifestFile, join(dir, 'corrupt', 'damaged.manifest.json'));
    const bytes = await readFile(damaged);
    bytes[bytes.length >> 1] ^= 0xff; // one byte in the middle, as a bad disk or an interrupted copy would
    await writeFile(damaged, bytes);

    const into = newDatabase('corrupt');
    await expect(
      restoreBackup({ file: damaged, into, databaseUrl: t.config.databaseUrl, steps: quietSteps(), checkRollups: checkRestoredRollups }),
    ).rejects.toThrow(RestoreRefused);
    expect(await databaseExists(into)).toBe(false);
    const answer = await cli('restore-cli.ts', [damaged, '--into', into], { DATABASE_URL: t.config.databaseUrl });
    expect(answer.code).toBe(1);
    expect(answer.stdout).toMatch(/✗ checksum .*the dump is damaged or not the one backed up; nothing was restored/);
    expect(await databaseExists(into)).toBe(false);
  });

  it('never restores over an existing database, not even the one backed up', async () => {
    const { file } = await backUp({ databaseUrl: t.config.databaseUrl, dir: join(dir, 'existing'), keep: 14 });
    const existing = newDatabase('existing');
    await onServer((client) => client.query(`CREATE DATABASE "${existing}"`));
    const source = t.config.databaseUrl.split('/').pop() as string;
    const ledgerBefore = (await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n;

    for (const into of [existing, source]) {
      const refused = restoreBackup({ file, into, databaseUrl: t.config.databaseUrl, steps: quietSteps(), checkRollups: checkRestoredRollups });
      await expect(refused).rejects.toThrow(`database ${into} already exists; a restore never writes over a database`);
    }
    const tables = await numberIn(existing, `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables).toBe(0);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n).toBe(ledgerBefore);
  });

  it('reports a restored database that differs from its manifest, and keeps it for a look', async () => {
    const { file, manifestFile } = await backUp({ databaseUrl: t.config.databaseUrl, dir: join(dir, 'differs'), keep: 14 });
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, rowCounts: { ...manifest.rowCounts, unions: manifest.rowCounts.unions + 1 } }));
    const into = newDatabase('differs');
    const steps = quietSteps();
    expect(await restoreBackup({ file, into, databaseUrl: t.config.databaseUrl, steps, checkRollups: checkRestoredRollups })).toBe(false);
    expect(steps.done.map((step) => [step.name, step.ok])).toEqual([
      ['checksum', true],
      ['restore', true],
      ['schema', true],
      ['row counts', false],
      ['rollups', true],
    ]);
    expect(steps.lines.join('\n')).toContain(`unions ${manifest.rowCounts.unions + 1} -> ${manifest.rowCounts.unions}`);
    expect(await databaseExists(into)).toBe(true);
  });

  it('retention keeps the newest BACKUP_KEEP backups of the database, and no other file', async () => {
    const kept = join(dir, 'retention');
    const at = (day: number): Date => new Date(Date.UTC(2026, 3, day, 17));
    await backUp({ databaseUrl: t.config.databaseUrl, dir: kept, keep: 2, at: at(1) });
    // another database's backup, a younger unfinished one (maybe running), a day-old abandoned one, a file of someone's
    await writeFile(join(kept, 'otherdb-20260101T000000000Z.manifest.json'), '{}');
    const database = t.config.databaseUrl.split('/').pop() as string;
    await writeFile(join(kept, `${database}-20260102T000000000Z.dump.partial`), '');
    await writeFile(join(kept, `${database}-20250102T000000000Z.dump.partial`), '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    await utimes(join(kept, `${database}-20250102T000000000Z.dump.partial`), twoDaysAgo, twoDaysAgo);
    await writeFile(join(kept, 'notes.txt'), 'kept');

    const removed: string[][] = [];
    for (const day of [2, 3, 4]) removed.push((await backUp({ databaseUrl: t.config.databaseUrl, dir: kept, keep: 2, at: at(day) })).removed);

    const name = (day: number): string => `${database}-202604${String(day).padStart(2, '0')}T170000000Z`;
    expect(removed).toEqual([[], [name(1)], [name(2)]]);
    expect((await readdir(kept)).sort()).toEqual(
      [
        `${name(3)}.dump`,
        `${name(3)}.manifest.json`,
        `${name(4)}.dump`,
        `${name(4)}.manifest.json`,
        `${database}-20260102T000000000Z.dump.partial`,
        'notes.txt',
        'otherdb-20260101T000000000Z.manifest.json',
      ].sort(),
    );
  });

  it('the drill backs up, restores into a scratch database, checks it, times every step and drops the scratch database', async () => {
    const steps = quietSteps();
    expect(await restoreDrill({ databaseUrl: t.config.databaseUrl, steps, checkRollups: checkRestoredRollups })).toBe(true);
    expect(steps.done.map((step) => step.name)).toEqual(['backup', 'checksum', 'restore', 'schema', 'row counts', 'rollups', 'drop scratch']);
    expect(steps.done.every((step) => step.ok && step.seconds >= 0)).toBe(true);
    for (const line of steps.lines) expect(line).toMatch(/^ {2}✓ .{14} +\d+\.\d\d s {2}\S/);
    const scratchName = /database (rengo_drill_[0-9a-f]+) and the temporary backup dropped/.exec(steps.lines.join('\n'))?.[1] as string;
    expect(scratchName).toBeDefined();
    expect(await databaseExists(scratchName)).toBe(false);
  });
});
