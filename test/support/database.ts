import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { cloneTemplate, databaseUrl, dropDatabase } from './postgres';

/** A database of the middle tier: the migrated schema, its SQL functions and triggers, no app and no HTTP. */
export interface TestDatabase {
  db: DataSource;
  close(): Promise<void>;
}

/**
 * Clones the migrated template (made once per run by global-setup.ts) into a database of
 * this file's own, and connects to it the way the app does (the same data-source options).
 * Tests named `*.db-spec.ts` use it to call the reports' readers and the SQL functions directly.
 */
export async function cloneTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template) throw new Error('TEST_TEMPLATE_DATABASE is not set: run through jest (global setup)');
  const name = `rengo_db_${randomBytes(5).toString('hex')}`;
  await cloneTemplate(template, name);
  const db = new DataSource(dataSourceOptions(databaseUrl(name), { poolSize: 2 }));
  await db.initialize();
  return {
    db,
    close: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

export interface LedgerRow {
  unionId: string;
  effectiveOn: string;
  delta: number;
  cause: string;
  employmentType?: string;
  gender?: string;
}

/** Ledger rows with their outbox rows, as the ledger writer leaves them for the worker's batch. */
export async function appendLedgerRows(db: DataSource, rows: LedgerRow[]): Promise<void> {
  await db.query(
    `WITH inserted AS (
       INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, source)
       SELECT * , 'api' FROM unnest($1::uuid[], $2::date[], $3::int[], $4::text[], $5::text[], $6::text[])
       RETURNING id
     )
     INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted`,
    [
      rows.map((r) => r.unionId),
      rows.map((r) => r.effectiveOn),
      rows.map((r) => r.delta),
      rows.map((r) => r.cause),
      rows.map((r) => r.employmentType ?? 'regular'),
      rows.map((r) => r.gender ?? 'unspecified'),
    ],
  );
}
