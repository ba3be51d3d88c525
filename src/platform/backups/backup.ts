import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Client, QueryResult } from 'pg';
import { query, sql } from '../database/sql';
import { BackupManifest, MANIFEST_FORMAT, backupName, backupsAmong, dumpFile, manifestFileOf, sha256Of } from './backup-manifest';
import { readDatabaseFacts } from './database-facts';
import { databaseName, pgDump, toolVersion } from './postgres-tools';

export interface BackupOptions {
  databaseUrl: string;
  /** The folder of backups (created when missing). */
  dir: string;
  /** How many backups of this database to leave, the newest. */
  keep: number;
  /** The backup's time and name; now unless a test says otherwise. */
  at?: Date;
}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
  /** The older backups retention deleted (names). */
  removed: string[];
}

const PARTIAL = '.partial';
/** A .partial file this old is left by a backup that died; younger ones may be another backup's, running. */
const ABANDONED_AFTER_MS = 24 * 3600_000;

/**
 * `pg_dump -Fc` of the database into `dir`, with its manifest beside it, then retention.
 * The row counts and the newest ledger row are read on the very snapshot pg_dump reads
 * (exported from a REPEATABLE READ transaction held open until the dump ends), so the
 * manifest describes the dump exactly even while the service writes. The dump and the
 * manifest are written under temporary names and renamed, the manifest last: a backup is
 * a dump with a manifest, and a crash leaves no half-written one that looks complete.
 */
export async function backUp(options: BackupOptions): Promise<BackupResult> {
  const database = databaseName(options.databaseUrl);
  const at = options.at ?? new Date();
  const name = backupName(database, at);
  const file = dumpFile(options.dir, name);
  const manifestFile = manifestFileOf(file);
  await mkdir(options.dir, { recursive: true });

  const pgDumpVersion = await toolVersion('pg_dump');
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await query(client, sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    const [{ snapshot }] = (await query<QueryResult<{ snapshot: string }>>(client, sql`SELECT pg_export_snapshot() AS snapshot`)).rows;
    const [, facts] = await bothSettled(pgDump(options.databaseUrl, file + PARTIAL, snapshot), readDatabaseFacts(client));
    await query(client, sql`COMMIT`);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      dump: basename(file),
      sha256: await sha256Of(file + PARTIAL),
      bytes: (await stat(file + PARTIAL)).size,
      database,
      createdAt: at.toISOString(),
      schemaVersion: facts.schemaVersion,
      newestLedgerRowAt: facts.newestLedgerRowAt,
      pgDump: pgDumpVersion,
      rowCounts: facts.rowCounts,
    };
    await writeFile(manifestFile + PARTIAL, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(file + PARTIAL, file);
    await rename(manifestFile + PARTIAL, manifestFile);
    return { file, manifestFile, manifest, removed: await keepNewest(options.dir, database, options.keep) };
  } catch (error) {
    await rm(file + PARTIAL, { force: true });
    await rm(manifestFile + PARTIAL, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Both results once both have ended (pg_dump is never left running behind a failed read), or the first failure. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

/**
 * Retention: deletes all but the newest `keep` backups of `database` in `dir` (dump and
 * manifest), and the .partial files that a backup which died left a day or more ago.
 * Returns the names deleted.
 */
export async function keepNewest(dir: string, database: string, keep: number): Promise<string[]> {
  const files = await readdir(dir);
  const names = backupsAmong(files, database);
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) {
    await rm(dumpFile(dir, name), { force: true });
    await rm(manifestFileOf(dumpFile(dir, name)), { force: true });
  }
  for (const file of files.filter((f) => f.startsWith(`${database}-`) && f.endsWith(PARTIAL))) {
    const path = join(dir, file);
    const age = Date.now() - (await stat(path)).mtimeMs;
    if (age > ABANDONED_AFTER_MS) await rm(path, { force: true });
  }
  return removed;
}
