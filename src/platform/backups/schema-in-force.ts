import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dumpSchema } from '../../../scripts/schema-snapshot';

/** The checkout this code runs from, compiled (dist/src/...) or not (src/...): the nearest folder with package.json. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}: run from the project's checkout`);
  }
}

/** The schema in force, written down by `npm run schema:dump`. */
export const SCHEMA_IN_FORCE = 'migrations/schema.sql';

/** The last migration of this checkout, as the migrations table names it (`QualifyFunctionCalls1732300012000`). */
function lastMigration(root: string): string | null {
  const files = readdirSync(join(root, 'migrations'))
    .filter((file) => /^\d+-\w+\.ts$/.test(file))
    .sort();
  const match = /^(\d+)-(\w+)\.ts$/.exec(files[files.length - 1] ?? '');
  return match ? `${match[2]}${match[1]}` : null;
}

export interface SchemaComparison {
  equal: boolean;
  /** Where they first differ, and why that may be, when they differ. */
  difference?: string;
}

/**
 * The schema of the database at `databaseUrl` against migrations/schema.sql, both as
 * `npm run schema:dump` prints a schema (the same pg_dump call and normalisation).
 * `schemaVersion` is the last migration the database ran, to explain a difference.
 */
export async function compareWithSchemaInForce(databaseUrl: string, schemaVersion: string | null): Promise<SchemaComparison> {
  const root = projectRoot();
  const expected = readFileSync(join(root, SCHEMA_IN_FORCE), 'utf8').split('\n');
  const actual = (await dumpSchema(databaseUrl)).split('\n');
  let line = 0;
  while (line < expected.length && line < actual.length && expected[line] === actual[line]) line++;
  if (line === expected.length && line === actual.length) return { equal: true };
  const last = lastMigration(root);
  const why =
    schemaVersion !== last
      ? `the backup was taken at migration ${schemaVersion ?? '(none)'} and this checkout's last is ${last ?? '(none)'}: restore with the matching checkout, or migrate the restored database`
      : 'the database was changed outside the migrations';
  const at = (lines: string[]): string => JSON.stringify(lines[line] ?? '(end)');
  return { equal: false, difference: `line ${line + 1}: ${SCHEMA_IN_FORCE} has ${at(expected)}, the database ${at(actual)}; ${why}` };
}
