import { Client, QueryResult } from 'pg';
import { loadConfigOrExit } from '../config/app-config';
import { query, sql } from './sql';

/** Creates the configured database if it does not exist yet (a fresh machine has none). */
async function main(): Promise<void> {
  const target = new URL(loadConfigOrExit().databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`DATABASE_URL names an unusual database "${name}"; create it by hand`);
  const admin = new URL(target.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await query<QueryResult>(client, sql`SELECT 1 FROM pg_database WHERE datname = ${name}`);
    if (found.rowCount === 0) {
      await query(client, sql`CREATE DATABASE ${sql.ident(name)}`);
      console.log(`created database ${name}`);
    } else {
      console.log(`database ${name} exists`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
