import { MigrationInterface, QueryRunner } from 'typeorm';
import { FasterRebuild1732300006000 } from './1732300006000-FasterRebuild';
import { StepwiseAggregationRebuild1732300003001 } from './1732300003001-StepwiseAggregationRebuild';

/**
 * The full rebuild writes new rollup tables beside the live ones and swaps them in at
 * the end, so reports keep answering from the old figures until the new ones are
 * complete, and the two halves of the work can run on two connections at once:
 *
 *   connection A                                  connection B
 *   aggregation_rebuild_begin()   outbox locked, emptied
 *   aggregation_rebuild_union_level_next()  ||   aggregation_rebuild_group_levels_next(); COMMIT
 *   aggregation_rebuild_swap(); COMMIT
 *
 * A holds the outbox ACCESS EXCLUSIVE from begin to its commit, and every ledger writer
 * takes the outbox first, so both connections read the same ledger: everything committed
 * before begin, nothing after. B derives group_month_rollups (federation x council, and
 * from it federation, council, sector and total) straight from the ledger in one pass,
 * while A builds the union level and group_month_cause_rollups from it. B's tables are committed under *_next names that nothing
 * reads; a run that fails leaves them to the next run, which drops them first.
 * aggregation_rebuild() runs the same steps on one connection (demo, scripts). The new
 * tables copy everything of the live ones but their indexes (LIKE ... INCLUDING ALL), and
 * get their keys after they are filled. Memory: A's hash table up to 256 MB and its key
 * build 1 GB, B's hash table up to 512 MB (each x hash_mem_multiplier), at national scale.
 */
const ROLLUPS = ['union_month_rollups', 'group_month_rollups', 'group_month_cause_rollups'];

/** federation x council keys are grouped as uuids and turned into text only on the output. */
const FC_KEY = `coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text`;

const INCREASE = ['new_hire', 'new_organizing', 'non_regular_enrollment', 'transfer_in', 'merger_in', 'other_increase'];
const DECREASE = [
  'retirement',
  'resignation',
  'promotion_to_management',
  'restructuring',
  'contract_end',
  'transfer_out',
  'dissolution',
  'withdrawal',
  'death',
  'other_decrease',
];
/** cause -> which sum it feeds, as a tiny join table: cheaper per row than evaluating cause_kind() per sum. */
const CAUSE_KINDS = `(VALUES ${[
  ...INCREASE.map((c) => `('${c}', 1, 0, 0)`),
  ...DECREASE.map((c) => `('${c}', 0, 1, 0)`),
  "('survey_adjustment', 0, 0, 1)",
].join(', ')}) k(cause, increase, decrease, adjustment)`;

/**
 * Each union's federation x council pair as a small number: grouping by one int instead
 * of two uuids keeps the hash tables small, which at national scale halves their time.
 */
const PAIRS = `pairs AS MATERIALIZED (
  SELECT id AS union_id, federation_id, regional_council_id,
         dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
  FROM unions
)`;

/** The grain's pairs turned back into their federation and council (the `fc` that allLevels reads). */
const FC_FROM_GRAIN = `fc AS MATERIALIZED (
  SELECT p.federation_id, p.regional_council_id, g.*
  FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
)`;

/**
 * Every level's rows from a CTE `fc` at the federation x council grain (uuid keys, month,
 * `dims`, `measures`): the grain itself, then federation, council, sector and total by
 * hashed grouping sets over it. Keys as the rollups spell them (see report-source.ts).
 */
function allLevels(dims: string[], measures: string[]): string {
  const bits = 'GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code)';
  const columns = ['fc.month', ...dims.map((d) => `fc.${d}`)];
  return `
    SELECT 'federation_council', ${FC_KEY}, ${columns.join(', ')}, ${measures.map((m) => `fc.${m}`).join(', ')} FROM fc
    UNION ALL
    SELECT CASE ${bits} WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
           CASE ${bits} WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
                        WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
           ${columns.join(', ')}, ${measures.map((m) => `sum(fc.${m})`).join(', ')}
    FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
    GROUP BY ${columns.join(', ')}, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ())`;
}

export class ShadowTableRebuild1732300007001 implements MigrationInterface {
  name = 'ShadowTableRebuild1732300007001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION aggregation_rebuild()`);
    for (const step of ['begin', 'union_level', 'group_levels', 'finish']) await q.query(`DROP FUNCTION aggregation_rebuild_${step}()`);

    await q.query(`
      CREATE FUNCTION aggregation_rebuild_begin() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- the outbox rows are about to be counted from the ledger itself
        TRUNCATE aggregation_outbox;
        SELECT reltuples::bigint INTO n FROM pg_class WHERE oid = 'membership_changes'::regclass;
        RETURN greatest(n, 0);
      END $$`);

    await q.query(`
      CREATE FUNCTION aggregation_rebuild_union_level_next() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        SET LOCAL work_mem = '256MB';
        SET LOCAL maintenance_work_mem = '1GB';
        SET LOCAL jit = off;
        SET LOCAL client_min_messages = warning;
        DROP TABLE IF EXISTS union_month_rollups_next, group_month_cause_rollups_next;
        CREATE TABLE union_month_rollups_next (LIKE union_month_rollups INCLUDING ALL EXCLUDING INDEXES);
        INSERT INTO union_month_rollups_next (union_id, month, employment_type, gender, cause, members, changes)
        SELECT union_id, month, employment_type, gender, cause, sum(delta), count(*)
        FROM membership_changes GROUP BY 1, 2, 3, 4, 5;
        GET DIAGNOSTICS n = ROW_COUNT;

        -- the cause levels from the union level just built (the other half of the work is B's)
        CREATE TABLE group_month_cause_rollups_next (LIKE group_month_cause_rollups INCLUDING ALL EXCLUDING INDEXES);
        WITH ${PAIRS}, grain AS MATERIALIZED (
          SELECT p.pair, r.month, r.cause, sum(r.members) AS members
          FROM union_month_rollups_next r JOIN pairs p ON p.union_id = r.union_id
          GROUP BY 1, 2, 3
        ), ${FC_FROM_GRAIN}
        INSERT INTO group_month_cause_rollups_next (level, group_key, month, cause, members)
        ${allLevels(['cause'], ['members'])};
        ALTER TABLE group_month_cause_rollups_next ADD CONSTRAINT group_month_cause_rollups_next_pkey
          PRIMARY KEY (level, group_key, month, cause);
        ANALYZE group_month_cause_rollups_next;

        -- one sorted pass builds the key far cheaper than maintaining it row by row
        ALTER TABLE union_month_rollups_next ADD CONSTRAINT union_month_rollups_next_pkey
          PRIMARY KEY (union_id, month, employment_type, gender, cause);
        ANALYZE union_month_rollups_next;
        RETURN n;
      END $$`);

    await q.query(`
      CREATE FUNCTION aggregation_rebuild_group_levels_next() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- the federation x council grain takes about 300 MB of hash table at national scale
        SET LOCAL work_mem = '512MB';
        SET LOCAL maintenance_work_mem = '256MB';
        SET LOCAL jit = off;
        SET LOCAL client_min_messages = warning;
        DROP TABLE IF EXISTS group_month_rollups_next;
        CREATE TABLE group_month_rollups_next (LIKE group_month_rollups INCLUDING ALL EXCLUDING INDEXES);
        -- one pass over the ledger for the federation x council grain, then the coarser
        -- levels from that much smaller result, still keyed by uuid
        WITH ${PAIRS}, grain AS MATERIALIZED (
          SELECT p.pair, c.month, c.employment_type, c.gender,
                 sum(c.delta * k.increase) AS increase, sum(-c.delta * k.decrease) AS decrease,
                 sum(c.delta * k.adjustment) AS adjustment, sum(c.delta) AS net
          FROM membership_changes c JOIN pairs p ON p.union_id = c.union_id JOIN ${CAUSE_KINDS} ON k.cause = c.cause
          GROUP BY 1, 2, 3, 4
        ), ${FC_FROM_GRAIN}
        INSERT INTO group_month_rollups_next (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
        ${allLevels(['employment_type', 'gender'], ['increase', 'decrease', 'adjustment', 'net'])};
        ALTER TABLE group_month_rollups_next ADD CONSTRAINT group_month_rollups_next_pkey
          PRIMARY KEY (level, group_key, month, employment_type, gender);
        ANALYZE group_month_rollups_next;
      END $$`);

    await q.query(`
      CREATE FUNCTION aggregation_rebuild_swap() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        t text;
      BEGIN
        LOCK TABLE aggregation_outbox IN ACCESS EXCLUSIVE MODE;
        -- all three at once: a report waits once, for a few milliseconds, and never sees a mix
        LOCK TABLE ${ROLLUPS.join(', ')} IN ACCESS EXCLUSIVE MODE;
        FOREACH t IN ARRAY ARRAY[${ROLLUPS.map((t) => `'${t}'`).join(', ')}] LOOP
          IF to_regclass(t || '_next') IS NULL THEN
            RAISE EXCEPTION 'rebuild: % is missing; run every step before the swap', t || '_next';
          END IF;
          EXECUTE format('DROP TABLE %I', t);
          EXECUTE format('ALTER TABLE %I RENAME TO %I', t || '_next', t);
          EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', t, t || '_next_pkey', t || '_pkey');
          EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_bump_data_version', t);
        END LOOP;
        UPDATE aggregation_state
        SET as_of = coalesce((SELECT max(recorded_at) FROM membership_changes), as_of), rebuilt_at = now(),
            data_version = data_version + 1
        WHERE id = 1;
      END $$`);

    await q.query(`
      CREATE FUNCTION aggregation_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        n bigint;
      BEGIN
        PERFORM aggregation_rebuild_begin();
        n := aggregation_rebuild_union_level_next();
        PERFORM aggregation_rebuild_group_levels_next();
        PERFORM aggregation_rebuild_swap();
        RETURN n;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION aggregation_rebuild()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_swap()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_group_levels_next()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_union_level_next()`);
    await q.query(`DROP FUNCTION aggregation_rebuild_begin()`);
    await q.query(`DROP TABLE IF EXISTS union_month_rollups_next, group_month_rollups_next, group_month_cause_rollups_next`);
    // the step functions as StepwiseAggregationRebuild made them, with FasterRebuild's bodies
    await new StepwiseAggregationRebuild1732300003001().up(q);
    await new FasterRebuild1732300006000().up(q);
  }
}
