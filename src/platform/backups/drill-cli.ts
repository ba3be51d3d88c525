import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { checkRestoredRollups } from '../../membership/aggregation/restored-rollups';
import { loadConfigOrExit } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { query, sql } from '../database/sql';
import { restoreDrill } from './drill';
import { databaseAt, databaseName, onServer } from './postgres-tools';
import { dropDatabase } from './restore';
import { Steps, runCommand } from './steps';

/** The demo loader beside this file, compiled or not (`npm run demo:load`). */
const DEMO_LOADER = join(__dirname, '..', '..', 'demo', `load-demo${extname(__filename)}`);

const steps = new Steps();

/**
 * `npm run restore:drill`: backs up the database of DATABASE_URL, restores it into a scratch
 * database, checks it as `npm run restore` does, prints the time of each step and drops
 * the scratch database. When that database does not exist (a fresh clone, CI), the drill
 * makes its own source first: a scratch database, migrated and loaded with the demo, dropped
 * at the end too.
 */
async function main(): Promise<boolean> {
  const { databaseUrl } = loadConfigOrExit();
  const name = databaseName(databaseUrl);
  const exists = await onServer(
    databaseUrl,
    async (client) => (await query<{ rowCount: number }>(client, sql`SELECT 1 FROM pg_database WHERE datname = ${name}`)).rowCount > 0,
  );
  if (exists) {
    console.log(`restore drill of database ${name}`);
    await restoreDrill({ databaseUrl, steps, checkRollups: checkRestoredRollups });
  } else {
    const source = `rengo_drill_source_${randomBytes(4).toString('hex')}`;
    console.log(`restore drill: database ${name} does not exist, so the drill makes its own source ${source} (migrations and the demo)`);
    const sourceUrl = databaseAt(databaseUrl, source);
    try {
      await steps.run('migrate', () => migrate(databaseUrl, source));
      await steps.run('demo', () => loadDemo(sourceUrl));
      await restoreDrill({ databaseUrl: sourceUrl, steps, checkRollups: checkRestoredRollups });
    } finally {
      await steps.run('drop source', async () => {
        await dropDatabase(databaseUrl, source);
        return { ok: true, detail: `database ${source} dropped` };
      });
    }
  }
  console.log(steps.ok ? `drill passed in ${steps.seconds.toFixed(1)} s` : 'drill FAILED: see the step marked ✗');
  return steps.ok;
}

async function migrate(databaseUrl: string, source: string): Promise<{ ok: boolean; detail: string }> {
  await onServer(databaseUrl, (client) => query(client, sql`CREATE DATABASE ${sql.ident(source)}`));
  const db = new DataSource(dataSourceOptions(databaseAt(databaseUrl, source)));
  await db.initialize();
  try {
    const ran = await db.runMigrations({ transaction: 'each' });
    return { ok: true, detail: `${ran.length} migrations into ${source}` };
  } finally {
    await db.destroy();
  }
}

/** The demo loader as its own process (as `npm run demo:load`); its output, with the demo passwords, is not shown. */
async function loadDemo(sourceUrl: string): Promise<{ ok: boolean; detail: string }> {
  await promisify(execFile)(process.execPath, [...process.execArgv, DEMO_LOADER], { env: { DATABASE_URL: sourceUrl, LOG_LEVEL: 'warn' } }).catch(
    (error: { stderr?: string; message: string }) => {
      throw new Error(`the demo did not load: ${error.stderr?.trim() || error.message}`);
    },
  );
  return { ok: true, detail: 'the demo loaded (npm run demo:load)' };
}

runCommand(steps, main);
