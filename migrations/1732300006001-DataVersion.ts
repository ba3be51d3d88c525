import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves whenever anything a report reads changes: the rollups, the
 * published figures, goals and the structure (names, groupings). Report answers are
 * cached under it (ReportCacheInterceptor), so a cached answer can never outlive the
 * data it was computed from. Statement-level triggers: one bump per statement.
 */
const TABLES = [
  'union_month_rollups',
  'group_month_rollups',
  'group_month_cause_rollups',
  'closed_periods',
  'published_group_month_rollups',
  'published_group_month_cause_rollups',
  'published_union_month_rollups',
  'goals',
  'unions',
  'federations',
  'regional_councils',
  'sectors',
];

export class DataVersion1732300006001 implements MigrationInterface {
  name = 'DataVersion1732300006001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE aggregation_state ADD COLUMN data_version bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE aggregation_state SET data_version = data_version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_bump_data_version ON ${table}`);
    await q.query(`DROP FUNCTION bump_data_version()`);
    await q.query(`ALTER TABLE aggregation_state DROP COLUMN data_version`);
  }
}
