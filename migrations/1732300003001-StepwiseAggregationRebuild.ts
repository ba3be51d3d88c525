import { MigrationInterface, QueryRunner } from 'typeorm';

const GROUP_LEVELS_FROM_UNION_LEVEL = `
  INSERT INTO group_month_rollups (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
  SELECT l.level, l.group_key, d.month, d.employment_type, d.gender,
         sum(CASE WHEN cause_kind(d.cause) = 'increase' THEN d.members ELSE 0 END),
         sum(CASE WHEN cause_kind(d.cause) = 'decrease' THEN -d.members ELSE 0 END),
         sum(CASE WHEN cause_kind(d.cause) = 'adjustment' THEN d.members ELSE 0 END),
         sum(d.members)
  FROM union_month_rollups d
  JOIN unions u ON u.id = d.union_id
  LEFT JOIN federations f ON f.id = u.federation_id
  CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
  GROUP BY 1, 2, 3, 4, 5;

  INSERT INTO group_month_cause_rollups (level, group_key, month, cause, members)
  SELECT l.level, l.group_key, d.month, d.cause, sum(d.members)
  FROM union_month_rollups d
  JOIN unions u ON u.id = d.union_id
  LEFT JOIN federations f ON f.id = u.federation_id
  CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
  GROUP BY 1, 2, 3, 4;`;

/**
 * Splits aggregation_rebuild() into steps, so the worker can report progress between
 * them while running all of them in ONE transaction. Each step first takes the outbox
 * ACCESS EXCLUSIVE lock (a no-op when the transaction already holds it), so a step can
 * never run beside a batch or a ledger write, whoever calls it; the lock is held to the
 * end of the transaction. aggregation_rebuild() runs the steps in order, as before.
 */
export class StepwiseAggregationRebuild1732300003001 implements MigrationInterface {
  name = 'StepwiseAggregationRebuild1732300003001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION aggregation_rebuild_begin() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- the outbox rows are about to be counted from the ledger itself
        TRUNCATE aggregation_outbox, union_month_rollups, group_month_rollups, group_month_cause_rollups;
        SELECT reltuples::bigint INTO n FROM pg_class WHERE oid = 'membership_changes'::regclass;
        RETURN greatest(n, 0);
      END $$`);
    await q.query(`
      CREATE FUNCTION aggregation_rebuild_union_level() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        INSERT INTO union_month_rollups (union_id, month, employment_type, gender, cause, members, changes)
        SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
        FROM membership_changes GROUP BY 1, 2, 3, 4, 5;
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
    await q.query(`
      CREATE FUNCTION aggregation_rebuild_group_levels() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        ${GROUP_LEVELS_FROM_UNION_LEVEL}
      END $$`);
    await q.query(`
      CREATE FUNCTION aggregation_rebuild_finish() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        UPDATE aggregation_state SET as_of = (SELECT max(recorded_at) FROM membership_changes), rebuilt_at = now() WHERE id = 1;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION aggregation_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        PERFORM aggregation_rebuild_begin();
        n := aggregation_rebuild_union_level();
        PERFORM aggregation_rebuild_group_levels();
        PERFORM aggregation_rebuild_finish();
        RETURN n;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION aggregation_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        TRUNCATE aggregation_outbox, union_month_rollups, group_month_rollups, group_month_cause_rollups;
        INSERT INTO union_month_rollups (union_id, month, employment_type, gender, cause, members, changes)
        SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
        FROM membership_changes GROUP BY 1, 2, 3, 4, 5;
        GET DIAGNOSTICS n = ROW_COUNT;
        ${GROUP_LEVELS_FROM_UNION_LEVEL}
        UPDATE aggregation_state SET as_of = (SELECT max(recorded_at) FROM membership_changes), rebuilt_at = now() WHERE id = 1;
        RETURN n;
      END $$`);
    await q.query(`DROP FUNCTION aggregation_rebuild_finish()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_group_levels()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_union_level()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_begin()`);
  }
}
