import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One list of causes in SQL. cause_kinds() holds every cause of the ledger and the sum it
 * feeds; cause_kind() reads it, and so does the rebuild, which until now joined a list of
 * its own: a cause added to cause_kind() alone was counted by every batch but dropped from
 * group_month_rollups by the next rebuild. The TypeScript vocabulary (ledger-writer.ts) is
 * held to this list by test/cause-vocabulary.e2e-spec.ts.
 *
 * Both functions are STABLE, not IMMUTABLE: PostgreSQL then inlines them (the list becomes a
 * constant of each plan, as fast as the CASE it replaces) and records the plan's dependency
 * on them, so a migration changing the list also invalidates the plans a running worker has
 * cached; an IMMUTABLE list would be folded into those plans without that record.
 */
const CAUSE_KINDS = `
  SELECT jsonb '{
    "new_hire":                "increase",
    "new_organizing":          "increase",
    "non_regular_enrollment":  "increase",
    "transfer_in":             "increase",
    "merger_in":               "increase",
    "other_increase":          "increase",
    "retirement":              "decrease",
    "resignation":             "decrease",
    "promotion_to_management": "decrease",
    "restructuring":           "decrease",
    "contract_end":            "decrease",
    "transfer_out":            "decrease",
    "dissolution":             "decrease",
    "withdrawal":              "decrease",
    "death":                   "decrease",
    "other_decrease":          "decrease",
    "survey_adjustment":       "adjustment"
  }'
`;

const CAUSE_KIND = `
  SELECT cause_kinds() ->> cause
`;

const GROUP_LEVELS_NEXT = `
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
  WITH pairs AS MATERIALIZED (
    -- each union's federation x council pair as a small number: grouping by one int
    -- instead of two uuids keeps the hash tables small
    SELECT id AS union_id, federation_id, regional_council_id,
           dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
    FROM unions
  ), kinds AS (
    -- the sum each cause feeds, from the one list of causes, as a tiny join table:
    -- cheaper per row than evaluating cause_kind() per sum
    SELECT key AS cause, (value = 'increase')::int AS increase, (value = 'decrease')::int AS decrease,
           (value = 'adjustment')::int AS adjustment
    FROM jsonb_each_text(cause_kinds())
  ), grain AS MATERIALIZED (
    SELECT p.pair, c.month, c.employment_type, c.gender,
           sum(c.delta * k.increase) AS increase, sum(-c.delta * k.decrease) AS decrease,
           sum(c.delta * k.adjustment) AS adjustment, sum(c.delta) AS net
    FROM membership_changes c JOIN pairs p ON p.union_id = c.union_id JOIN kinds k ON k.cause = c.cause
    GROUP BY 1, 2, 3, 4
  ), fc AS MATERIALIZED (
    SELECT p.federation_id, p.regional_council_id, g.*
    FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
  )
  INSERT INTO group_month_rollups_next (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
  SELECT 'federation_council', coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text,
         fc.month, fc.employment_type, fc.gender, fc.increase, fc.decrease, fc.adjustment, fc.net
  FROM fc
  UNION ALL
  SELECT CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code)
           WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
         CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code)
           WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
           WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
         fc.month, fc.employment_type, fc.gender, sum(fc.increase), sum(fc.decrease), sum(fc.adjustment), sum(fc.net)
  FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
  GROUP BY fc.month, fc.employment_type, fc.gender, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ());
  ALTER TABLE group_month_rollups_next ADD CONSTRAINT group_month_rollups_next_pkey
    PRIMARY KEY (level, group_key, month, employment_type, gender);
  ANALYZE group_month_rollups_next;
END
`;

/** The definitions before this migration, as the database printed them (for down()). */
const PREVIOUS_CAUSE_KIND = `
        SELECT CASE
          WHEN cause IN ('new_hire','new_organizing','non_regular_enrollment','transfer_in','merger_in','other_increase') THEN 'increase'
          WHEN cause IN ('retirement','resignation','promotion_to_management','restructuring','contract_end','transfer_out','dissolution','withdrawal','death','other_decrease') THEN 'decrease'
          WHEN cause = 'survey_adjustment' THEN 'adjustment'
        END
      `;

const PREVIOUS_GROUP_LEVELS_NEXT = `
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
        WITH pairs AS MATERIALIZED (
  SELECT id AS union_id, federation_id, regional_council_id,
         dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
  FROM unions
), grain AS MATERIALIZED (
          SELECT p.pair, c.month, c.employment_type, c.gender,
                 sum(c.delta * k.increase) AS increase, sum(-c.delta * k.decrease) AS decrease,
                 sum(c.delta * k.adjustment) AS adjustment, sum(c.delta) AS net
          FROM membership_changes c JOIN pairs p ON p.union_id = c.union_id JOIN (VALUES ('new_hire', 1, 0, 0), ('new_organizing', 1, 0, 0), ('non_regular_enrollment', 1, 0, 0), ('transfer_in', 1, 0, 0), ('merger_in', 1, 0, 0), ('other_increase', 1, 0, 0), ('retirement', 0, 1, 0), ('resignation', 0, 1, 0), ('promotion_to_management', 0, 1, 0), ('restructuring', 0, 1, 0), ('contract_end', 0, 1, 0), ('transfer_out', 0, 1, 0), ('dissolution', 0, 1, 0), ('withdrawal', 0, 1, 0), ('death', 0, 1, 0), ('other_decrease', 0, 1, 0), ('survey_adjustment', 0, 0, 1)) k(cause, increase, decrease, adjustment) ON k.cause = c.cause
          GROUP BY 1, 2, 3, 4
        ), fc AS MATERIALIZED (
  SELECT p.federation_id, p.regional_council_id, g.*
  FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
)
        INSERT INTO group_month_rollups_next (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
        
    SELECT 'federation_council', coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text, fc.month, fc.employment_type, fc.gender, fc.increase, fc.decrease, fc.adjustment, fc.net FROM fc
    UNION ALL
    SELECT CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
           CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
                        WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
           fc.month, fc.employment_type, fc.gender, sum(fc.increase), sum(fc.decrease), sum(fc.adjustment), sum(fc.net)
    FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
    GROUP BY fc.month, fc.employment_type, fc.gender, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ());
        ALTER TABLE group_month_rollups_next ADD CONSTRAINT group_month_rollups_next_pkey
          PRIMARY KEY (level, group_key, month, employment_type, gender);
        ANALYZE group_month_rollups_next;
      END `;

export class RebuildCausesFromOneList1732300008000 implements MigrationInterface {
  name = 'RebuildCausesFromOneList1732300008000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION cause_kinds() RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$${CAUSE_KINDS}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION cause_kind(cause text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$${CAUSE_KIND}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION aggregation_rebuild_group_levels_next() RETURNS void LANGUAGE plpgsql AS $$${GROUP_LEVELS_NEXT}$$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION aggregation_rebuild_group_levels_next() RETURNS void LANGUAGE plpgsql AS $$${PREVIOUS_GROUP_LEVELS_NEXT}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION cause_kind(cause text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$${PREVIOUS_CAUSE_KIND}$$`);
    await q.query(`DROP FUNCTION cause_kinds()`);
  }
}
