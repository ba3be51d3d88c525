import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staging for the structure imports (unions, prospects): each checked row as the API body
 * it stands for, already resolved to ids and codes, in jsonb. import_rows keeps the ledger
 * kinds (typed columns, filled by COPY); these rows are few and shaped like their own
 * tables, so one jsonb column serves both kinds.
 */
export class StageImportRecords1732300010000 implements MigrationInterface {
  name = 'StageImportRecords1732300010000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_records (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        record jsonb NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_records`);
  }
}
