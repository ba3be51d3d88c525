import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';

/** The benchmark's own database, created fresh and migrated; never the app's. */
export function benchDatabaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: benchDatabaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = benchDatabaseUrl(serverUrl, name);
  await migrate(url);
  return url;
}

/** Applies the project's migrations (all of them on a new database, the pending ones on a reused one). */
export async function migrate(url: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
