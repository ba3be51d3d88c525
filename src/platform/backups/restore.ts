import { BackupManifest, readManifest, sha256Of } from './backup-manifest';
import { checkRowCounts, checkSchema } from './restore-checks';
import { databaseAt, isPlainDatabaseName, onServer, pgRestore } from './postgres-tools';
import { Outcome, Steps, megabytes } from './steps';
import { query, sql } from '../database/sql';

export interface RestoreOptions {
  /** The dump; its manifest lies beside it. */
  file: string;
  /** The new database to restore into, on the server of databaseUrl. */
  into: string;
  databaseUrl: string;
  steps: Steps;
  /** The rollups against the ledger on the restored database: membership's invariant check, handed in by the CLI (platform imports no area). */
  checkRollups: (databaseUrl: string) => Promise<Outcome>;
}

/** A restore that must not go on: said in English, then in Japanese for the office. */
export class RestoreRefused extends Error {}

/**
 * Restores a backup into a NEW database and checks it: the dump's sha256 against its
 * manifest (a damaged dump is refused before anything is written), a database of that name
 * must not exist (never restored over), pg_restore in one transaction (a failure drops the
 * new database again), then the schema against migrations/schema.sql, the row counts
 * against the manifest and the rollups against the ledger. Resolves with whether every
 * check held; a restored database whose checks fail is kept for a look.
 */
export async function restoreBackup(options: RestoreOptions): Promise<boolean> {
  const { file, into, steps } = options;
  if (!isPlainDatabaseName(into)) {
    throw new RestoreRefused(`--into must be a new database's plain name (a-z, 0-9, _; at most 63), got "${into}"`);
  }
  const manifest = await readManifest(file);
  await steps.run('checksum', async () => {
    const sha256 = await sha256Of(file);
    if (sha256 !== manifest.sha256) {
      throw new RestoreRefused(
        `refused: ${file} has sha256 ${sha256}, its manifest says ${manifest.sha256}: the dump is damaged or not the one backed up; nothing was restored` +
          ` (ダンプのチェックサムがマニフェストと一致しません。復元しませんでした)`,
      );
    }
    return { ok: true, detail: `sha256 as the manifest (${megabytes(manifest.bytes)}, ${manifest.database} at ${manifest.createdAt})` };
  });
  const target = databaseAt(options.databaseUrl, into);
  await steps.run('restore', async () => {
    await createNewDatabase(options.databaseUrl, into);
    try {
      await pgRestore(target, file);
    } catch (error) {
      await dropDatabase(options.databaseUrl, into);
      throw error;
    }
    return { ok: true, detail: `into the new database ${into}` };
  });
  await check(steps, target, manifest, options.checkRollups);
  return steps.ok;
}

async function check(steps: Steps, target: string, manifest: BackupManifest, checkRollups: RestoreOptions['checkRollups']): Promise<void> {
  await steps.run('schema', () => checkSchema(target, manifest));
  await steps.run('row counts', () => checkRowCounts(target, manifest));
  await steps.run('rollups', () => checkRollups(target));
}

/** CREATE DATABASE, refusing a name already taken (by a look first, and by CREATE itself in a race). */
async function createNewDatabase(databaseUrl: string, name: string): Promise<void> {
  const refused = new RestoreRefused(
    `refused: database ${name} already exists; a restore never writes over a database: name a new one with --into` +
      ` (既存のデータベース ${name} には復元しません。--into に新しい名前を指定してください)`,
  );
  await onServer(databaseUrl, async (client) => {
    const { rowCount } = await query<{ rowCount: number }>(client, sql`SELECT 1 FROM pg_database WHERE datname = ${name}`);
    if (rowCount) throw refused;
    await query(client, sql`CREATE DATABASE ${sql.ident(name)}`).catch((error: unknown) => {
      throw (error as { code?: string }).code === '42P04' ? refused : (error as Error);
    });
  });
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await onServer(databaseUrl, (client) => query(client, sql`DROP DATABASE IF EXISTS ${sql.ident(name)} WITH (FORCE)`));
}
