import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DUMP_COMMAND,
  SCHEMA_FILE,
  dumpSchema,
  firstDifference,
  fromRoot,
  functionDefinitions,
  functionFileProblems,
  readFunctionFiles,
} from '../../scripts/schema-snapshot';
import { cloneTemplate, databaseUrl, dropDatabase } from '../support/postgres';

/**
 * The committed descriptions of the schema (migrations/schema.sql and the function files)
 * against what the migrations make. The template
 * is read through a clone of it (identical catalog), since a connection to the template
 * itself would make every other test file's clone wait.
 */
describe('the schema in force, written down', () => {
  const name = `rengo_test_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(name);

  beforeAll(async () => {
    const template = process.env.TEST_TEMPLATE_DATABASE;
    if (!template) throw new Error('TEST_TEMPLATE_DATABASE is not set: run through jest (global setup)');
    await cloneTemplate(template, name);
  });
  afterAll(async () => {
    await dropDatabase(name);
  });

  it('migrations/schema.sql is the schema the migrations make', async () => {
    const difference = firstDifference(readFileSync(SCHEMA_FILE, 'utf8'), await dumpSchema(url));
    const problems = difference ? [`${fromRoot(SCHEMA_FILE)} is out of date: run ${DUMP_COMMAND} (first difference at ${difference})`] : [];
    expect(problems).toEqual([]);
  });

  it('every function in force has one file under src/membership/aggregation/sql, equal to it, and every file a function', async () => {
    const definitions = await functionDefinitions(url);
    expect(definitions.size).toBeGreaterThan(10);
    expect(functionFileProblems(definitions, readFunctionFiles())).toEqual([]);
  });
});
