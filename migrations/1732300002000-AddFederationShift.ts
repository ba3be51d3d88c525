import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * aggregation_shift_federation: the set-based twin of aggregation_shift_union for all
 * unions of one federation, used when a federation moves to another sector. Called
 * with -1 before and +1 after the update, in a transaction that first locks the
 * outbox (SHARE ROW EXCLUSIVE), so no batch is applied in between.
 */
export class AddFederationShift1732300002000 implements MigrationInterface {
  name = 'AddFederationShift1732300002000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION aggregation_shift_federation(p_federation uuid, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT r.union_id, r.month, r.employment_type, r.gender, r.cause, p_sign * r.members, p_sign * r.changes
        FROM union_month_rollups r
        JOIN unions u ON u.id = r.union_id
        WHERE u.federation_id = p_federation;
        PERFORM aggregation_add_to_groups();
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION aggregation_shift_federation(uuid, integer)`);
  }
}
