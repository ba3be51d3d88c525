import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

/**
 * The schema in force, written down for readers and held to the migrations by
 * test/schema-drift.e2e-spec.ts: migrations/schema.sql, the whole schema as pg_dump
 * prints it. `npm run schema:dump` (scripts/schema-dump.ts) writes it; the test reads
 * the database the same way, with the functions below.
 */
const root = join(__dirname, '..');
export const SCHEMA_FILE = join(root, 'migrations', 'schema.sql');
export const DUMP_COMMAND = 'npm run schema:dump';

/** A path as a reader types it: relative to the repository, with forward slashes. */
export const fromRoot = (path: string): string => relative(root, path).split('\\').join('/');

const SCHEMA_HEADER = `-- The schema in force: what the migrations in this folder add up to, dumped from a freshly
-- migrated database (pg_dump --schema-only, without the session settings and version lines).
-- Written by \`${DUMP_COMMAND}\`; never edited by hand. Change the schema with a migration,
-- then run the dump; test/schema-drift.e2e-spec.ts fails while this file is out of date.
`;

/** Lines of a dump that belong to the session restoring it, to the pg_dump build or to one run. */
const NOT_SCHEMA = [
  /^SET [a-z_]+ = .*;$/, // session settings of a restore (statement_timeout, default_tablespace …)
  /^SELECT pg_catalog\.set_config\(/, // the restore's search_path
  /^-- Dumped (from database|by pg_dump) version /,
  /^\\(un)?restrict /, // psql meta-commands carrying a key drawn at random on every run
];

/** A pg_dump --schema-only text made byte-stable: the lines above left out (each with the blank line after it). */
export function normaliseDump(dump: string): string {
  const lines = dump.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!NOT_SCHEMA.some((pattern) => pattern.test(lines[i]))) kept.push(lines[i]);
    else if (lines[i + 1] === '') i++;
  }
  return `${SCHEMA_HEADER}\n${kept.join('\n').trim()}\n`;
}

/** The schema of the database at `databaseUrl`, as migrations/schema.sql holds it (pg_dump on the PATH). */
export async function dumpSchema(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--dbname', databaseUrl], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return normaliseDump(stdout);
}

/** The first line where two texts differ (1-based) with both versions of it, or null when equal. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `line ${i + 1}: committed ${JSON.stringify(a[i] ?? '(end of file)')}, migrations make ${JSON.stringify(b[i] ?? '(end of file)')}`;
}
