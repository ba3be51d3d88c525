import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { databaseUrl, onServer } from './postgres';

/**
 * Once per test run: migrate one template database. Every test file then clones it
 * (CREATE DATABASE ... TEMPLATE), so files run in parallel on databases of their own.
 */
export default async function globalSetup(): Promise<void> {
  const template = `rengo_tpl_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${template}"`));
  const db = new DataSource(dataSourceOptions(databaseUrl(template)));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }
  process.env.TEST_TEMPLATE_DATABASE = template;
}
