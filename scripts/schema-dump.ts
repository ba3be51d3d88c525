import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../src/platform/config/app-config';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { FUNCTIONS_DIR, SCHEMA_FILE, dumpSchema, fromRoot, functionDefinitions, functionFile, readFunctionFiles, syncFunctionFiles } from './schema-snapshot';

/**
 * `npm run schema:dump`: migrates a scratch database on the configured server (DATABASE_URL)
 * with the app's own data-source options, writes migrations/schema.sql from it, brings the
 * function files up to date (bodies from the database, headers kept; a new function gets a
 * placeholder header to replace by hand, a dropped one loses its file) and drops it.
 */
async function main(): Promise<void> {
  const server = new URL(loadConfigOrExit().databaseUrl);
  const at = (database: string): string => Object.assign(new URL(server.toString()), { pathname: `/${database}` }).toString();
  const scratch = `rengo_schema_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: at('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      const db = new DataSource(dataSourceOptions(at(scratch)));
      await db.initialize();
      try {
        await db.runMigrations({ transaction: 'each' });
      } finally {
        await db.destroy();
      }
      writeFileSync(SCHEMA_FILE, await dumpSchema(at(scratch)));
      console.log(`wrote ${fromRoot(SCHEMA_FILE)}`);
      await writeFunctionFiles(at(scratch));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function writeFunctionFiles(databaseUrl: string): Promise<void> {
  mkdirSync(FUNCTIONS_DIR, { recursive: true });
  const { write, remove } = syncFunctionFiles(await functionDefinitions(databaseUrl), readFunctionFiles());
  for (const [name, text] of write) {
    writeFileSync(functionFile(name), text);
    console.log(`wrote ${fromRoot(functionFile(name))}`);
  }
  for (const name of remove) {
    rmSync(functionFile(name));
    console.log(`removed ${fromRoot(functionFile(name))} (no such function any more)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
