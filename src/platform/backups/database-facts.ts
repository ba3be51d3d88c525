import { Client, QueryResult } from 'pg';
import { Sql, query, sql } from '../database/sql';

/** What a backup's manifest records of its database, and a restore checks again. */
export interface DatabaseFacts {
  /** Rows per table of schema public, by table name, in name order. */
  rowCounts: Record<string, number>;
  /** recorded_at of the newest ledger row (ISO 8601), or null for an empty ledger. */
  newestLedgerRowAt: string | null;
  /** The last migration run (its class name, e.g. QualifyFunctionCalls1732300012000), or null. */
  schemaVersion: string | null;
}

const rows = async <T>(client: Client, statement: Sql): Promise<T[]> => (await query<QueryResult>(client, statement)).rows as T[];

/**
 * Read in the client's current transaction: a backup calls it inside the REPEATABLE READ
 * transaction whose snapshot pg_dump reads, so the figures are those of the dump.
 */
export async function readDatabaseFacts(client: Client): Promise<DatabaseFacts> {
  const tables = await rows<{ name: string }>(client, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const rowCounts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await rows<{ n: string }>(client, sql`SELECT count(*) AS n FROM public.${sql.ident(name)}`);
    rowCounts[name] = Number(n);
  }
  const names = new Set(Object.keys(rowCounts));
  const [ledger] = names.has('membership_changes')
    ? await rows<{ newest: Date | null }>(client, sql`SELECT max(recorded_at) AS newest FROM public.membership_changes`)
    : [{ newest: null }];
  const [migration] = names.has('migrations')
    ? await rows<{ name: string }>(client, sql`SELECT name FROM public.migrations ORDER BY timestamp DESC, id DESC LIMIT 1`)
    : [];
  return { rowCounts, newestLedgerRowAt: ledger.newest?.toISOString() ?? null, schemaVersion: migration?.name ?? null };
}

/** Reads the facts of the database at `databaseUrl` on one snapshot. */
export async function databaseFacts(databaseUrl: string): Promise<DatabaseFacts> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await query(client, sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    const facts = await readDatabaseFacts(client);
    await query(client, sql`COMMIT`);
    return facts;
  } finally {
    await client.end();
  }
}
