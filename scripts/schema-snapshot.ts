import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * The schema in force, written down for readers and held to the migrations by
 * test/platform/schema-drift.e2e-spec.ts: migrations/schema.sql (the whole schema, as pg_dump
 * prints it) and one .sql file per PostgreSQL function under FUNCTIONS_DIR, beside the
 * code that calls them (a header saying what the function guarantees, then its
 * definition). `npm run schema:dump` (scripts/schema-dump.ts) writes both; the test
 * reads the database the same way, with the functions below.
 */
const root = join(__dirname, '..');
export const SCHEMA_FILE = join(root, 'migrations', 'schema.sql');
export const FUNCTIONS_DIR = join(root, 'src', 'membership', 'aggregation', 'sql');
export const DUMP_COMMAND = 'npm run schema:dump';

/** A path as a reader types it: relative to the repository, with forward slashes. */
export const fromRoot = (path: string): string => relative(root, path).split('\\').join('/');

const SCHEMA_HEADER = `-- The schema in force: what the migrations in this folder add up to, dumped from a freshly
-- migrated database (pg_dump --schema-only, without the session settings and version lines).
-- Written by \`${DUMP_COMMAND}\`; never edited by hand. Change the schema with a migration,
-- then run the dump; test/platform/schema-drift.e2e-spec.ts fails while this file is out of date.
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

/**
 * Every function of the project in schema public (not those of extensions), by name, as
 * pg_get_functiondef() prints it: a complete CREATE OR REPLACE statement without its `;`.
 */
export async function functionDefinitions(databaseUrl: string): Promise<Map<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; definition: string }>(`
      SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`);
    const definitions = new Map<string, string>();
    for (const { name, definition } of rows) {
      if (definitions.has(name)) throw new Error(`two functions are named ${name}: one file per function needs distinct names`);
      definitions.set(name, definition);
    }
    return definitions;
  } finally {
    await client.end();
  }
}

/** The header a new function's file gets: a reader must replace it (the test says so until then). */
export const placeholderHeader = (name: string): string =>
  `-- ${name}: what it guarantees is not written down yet. Replace these two lines with that,\n` +
  `-- in plain words, naming the invariant of docs/architecture.md it keeps.\n`;
const isPlaceholder = (header: string): boolean => header.includes('is not written down yet');

export const functionFile = (name: string): string => join(FUNCTIONS_DIR, `${name}.sql`);

/** A function file: its header (comment lines), a blank line, then the definition and `;`. */
export function renderFunctionFile(header: string, definition: string): string {
  return `${header.trimEnd()}\n\n${definition.trimEnd()}\n;\n`;
}

interface ParsedFunctionFile {
  header: string;
  definition: string | null;
}

function parseFunctionFile(text: string): ParsedFunctionFile {
  const start = text.search(/^CREATE OR REPLACE (FUNCTION|PROCEDURE) /m);
  if (start < 0 || !text.endsWith('\n;\n')) return { header: text, definition: null };
  return { header: text.slice(0, start), definition: text.slice(start, -';\n'.length) };
}

/** The text of every function file, by function name (the file's name). */
export function readFunctionFiles(dir = FUNCTIONS_DIR): Map<string, string> {
  const names = readdirSync(dir).filter((file) => file.endsWith('.sql'));
  return new Map(names.sort().map((file) => [file.slice(0, -'.sql'.length), readFileSync(join(dir, file), 'utf8')]));
}

/** The files as they must be for `definitions`: bodies from the database, headers kept; and the files to delete. */
export function syncFunctionFiles(definitions: Map<string, string>, files: Map<string, string>): { write: Map<string, string>; remove: string[] } {
  const write = new Map<string, string>();
  for (const [name, definition] of definitions) {
    const existing = files.get(name);
    const header = existing === undefined ? placeholderHeader(name) : parseFunctionFile(existing).header;
    const text = renderFunctionFile(header, definition);
    if (text !== existing) write.set(name, text);
  }
  return { write, remove: [...files.keys()].filter((name) => !definitions.has(name)) };
}

/** What keeps the files from being the functions in force, one sentence each; empty when they are. */
export function functionFileProblems(definitions: Map<string, string>, files: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, definition] of definitions) {
    const path = fromRoot(functionFile(name));
    const text = files.get(name);
    if (text === undefined) {
      problems.push(`${name}() has no file ${path}: run ${DUMP_COMMAND}, then write its header`);
      continue;
    }
    const file = parseFunctionFile(text);
    if (file.definition !== definition) {
      problems.push(`${path} differs from ${name}() in the migrated database: change a function with a migration, then run ${DUMP_COMMAND}`);
    }
    if (!/^(--.*\n)+\n$/.test(file.header)) problems.push(`${path} must open with a -- comment saying what ${name}() guarantees`);
    else if (isPlaceholder(file.header)) problems.push(`${path} still has the placeholder header: say what ${name}() guarantees`);
  }
  for (const name of files.keys()) {
    if (!definitions.has(name)) problems.push(`${fromRoot(functionFile(name))} names no function in the migrated database: run ${DUMP_COMMAND}`);
  }
  return problems;
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
