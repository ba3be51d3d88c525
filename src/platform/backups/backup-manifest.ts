import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DatabaseFacts } from './database-facts';

/** The JSON written beside every dump: what it holds, and how a restore knows it is intact. */
export interface BackupManifest extends DatabaseFacts {
  format: typeof MANIFEST_FORMAT;
  /** The dump's file name, in the same folder as this manifest. */
  dump: string;
  /** sha256 of the dump, hex. */
  sha256: string;
  bytes: number;
  /** The database backed up. */
  database: string;
  createdAt: string;
  /** The pg_dump that wrote the dump (`pg_dump (PostgreSQL) 15.20 …`). */
  pgDump: string;
}

export const MANIFEST_FORMAT = 'rengo-backup/1';
const DUMP_SUFFIX = '.dump';
const MANIFEST_SUFFIX = '.manifest.json';

/** A backup's name: the database and the time, sortable as text (`rengo-20260415T170000123Z`). */
export const backupName = (database: string, at: Date): string => `${database}-${at.toISOString().replace(/[-:.]/g, '')}`;
export const dumpFile = (dir: string, name: string): string => join(dir, `${name}${DUMP_SUFFIX}`);

/** The manifest beside a dump: `X.dump` -> `X.manifest.json`. */
export const manifestFileOf = (dump: string): string =>
  join(dirname(dump), `${basename(dump).endsWith(DUMP_SUFFIX) ? basename(dump).slice(0, -DUMP_SUFFIX.length) : basename(dump)}${MANIFEST_SUFFIX}`);

/** The names of the backups of `database` among a folder's files (those with a manifest), oldest first. */
export function backupsAmong(files: readonly string[], database: string): string[] {
  const stamp = /^\d{8}T\d{9}Z$/;
  return files
    .filter((file) => file.startsWith(`${database}-`) && file.endsWith(MANIFEST_SUFFIX))
    .map((file) => file.slice(0, -MANIFEST_SUFFIX.length))
    .filter((name) => stamp.test(name.slice(database.length + 1)))
    .sort();
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Reads and checks the manifest beside `dump`; a missing or foreign file is said plainly. */
export async function readManifest(dump: string): Promise<BackupManifest> {
  const file = manifestFileOf(dump);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`no manifest ${file} beside the dump: only a backup written by npm run backup can be restored and checked`);
  }
  const manifest = JSON.parse(text) as Partial<BackupManifest>;
  if (manifest.format !== MANIFEST_FORMAT || typeof manifest.sha256 !== 'string' || typeof manifest.rowCounts !== 'object') {
    throw new Error(`${file} is not a backup manifest (format ${MANIFEST_FORMAT})`);
  }
  return manifest as BackupManifest;
}
