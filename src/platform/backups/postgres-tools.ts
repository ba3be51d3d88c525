import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The database `name` on the server of `databaseUrl` (same host, port, user and options). */
export function databaseAt(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** The database a URL names. */
export const databaseName = (databaseUrl: string): string => decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));

/** A name this code creates or drops: plain lower-case, as `sql.ident` takes it, at most 63 bytes. */
export const isPlainDatabaseName = (name: string): boolean => /^[a-z_][a-z0-9_]{0,62}$/.test(name);

/** Runs `work` on the server's maintenance database `postgres` (to create, find or drop databases). */
export async function onServer<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseAt(databaseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A client tool's failure as one readable message: its own error lines, not Node's. */
function toolFailure(tool: string, error: unknown): Error {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  if ((error as { code?: unknown }).code === 'ENOENT')
    return new Error(`${tool} is not on the PATH: install PostgreSQL's client of the server's major version`);
  return new Error(`${tool} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`);
}

/** `pg_dump -Fc` of the database into `file`, read from `snapshot` (pg_export_snapshot()) when given. */
export async function pgDump(databaseUrl: string, file: string, snapshot?: string): Promise<void> {
  const args = ['--format=custom', '--file', file, ...(snapshot ? ['--snapshot', snapshot] : []), '--dbname', databaseUrl];
  await run('pg_dump', args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: unknown) => {
    throw toolFailure('pg_dump', error);
  });
}

/**
 * `pg_restore` of a custom-format dump into an existing, empty database, in one transaction:
 * the first error stops it and leaves the database as empty as it was. Owners are not
 * restored (the restoring user owns everything), so a dump restores on another server too.
 */
export async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const args = ['--exit-on-error', '--single-transaction', '--no-owner', '--dbname', databaseUrl, file];
  await run('pg_restore', args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: unknown) => {
    throw toolFailure('pg_restore', error);
  });
}

/** The version line of a client tool, for the manifest (`pg_dump (PostgreSQL) 15.20 …`). */
export async function toolVersion(tool: 'pg_dump' | 'pg_restore'): Promise<string> {
  const { stdout } = await run(tool, ['--version']).catch((error: unknown) => {
    throw toolFailure(tool, error);
  });
  return stdout.trim();
}
