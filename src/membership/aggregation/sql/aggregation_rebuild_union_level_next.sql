-- aggregation_rebuild_union_level_next: connection A's half of a rebuild (invariant 1,
-- docs/architecture.md#invariant-1, recomputed): union_month_rollups_next (union x month x
-- employment type x gender x cause) straight from the ledger, and
-- group_month_cause_rollups_next (every level x cause) from it, each key built after the fill.
-- Holds the outbox exclusively, so it reads the same ledger as connection B. Nothing reads a
-- *_next table before aggregation_rebuild_swap(). Returns the union-level row count.

CREATE OR REPLACE FUNCTION public.aggregation_rebuild_union_level_next()
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
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
        WITH pairs AS MATERIALIZED (
  SELECT id AS union_id, federation_id, regional_council_id,
         dense_rank() OVER (ORDER BY federation_id, regional_council_id)::int AS pair
  FROM unions
), grain AS MATERIALIZED (
          SELECT p.pair, r.month, r.cause, sum(r.members) AS members
          FROM union_month_rollups_next r JOIN pairs p ON p.union_id = r.union_id
          GROUP BY 1, 2, 3
        ), fc AS MATERIALIZED (
  SELECT p.federation_id, p.regional_council_id, g.*
  FROM grain g JOIN (SELECT DISTINCT pair, federation_id, regional_council_id FROM pairs) p ON p.pair = g.pair
)
        INSERT INTO group_month_cause_rollups_next (level, group_key, month, cause, members)
        
    SELECT 'federation_council', coalesce(fc.federation_id::text, 'none') || ':' || fc.regional_council_id::text, fc.month, fc.cause, fc.members FROM fc
    UNION ALL
    SELECT CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN 'federation' WHEN 5 THEN 'regional_council' WHEN 6 THEN 'sector' ELSE 'total' END,
           CASE GROUPING(fc.federation_id, fc.regional_council_id, f.sector_code) WHEN 3 THEN coalesce(fc.federation_id::text, 'none') WHEN 5 THEN fc.regional_council_id::text
                        WHEN 6 THEN coalesce(f.sector_code, 'none') ELSE 'all' END,
           fc.month, fc.cause, sum(fc.members)
    FROM fc LEFT JOIN federations f ON f.id = fc.federation_id
    GROUP BY fc.month, fc.cause, GROUPING SETS ((fc.federation_id), (fc.regional_council_id), (f.sector_code), ());
        ALTER TABLE group_month_cause_rollups_next ADD CONSTRAINT group_month_cause_rollups_next_pkey
          PRIMARY KEY (level, group_key, month, cause);
        ANALYZE group_month_cause_rollups_next;

        -- one sorted pass builds the key far cheaper than maintaining it row by row
        ALTER TABLE union_month_rollups_next ADD CONSTRAINT union_month_rollups_next_pkey
          PRIMARY KEY (union_id, month, employment_type, gender, cause);
        ANALYZE union_month_rollups_next;
        RETURN n;
      END $function$
;
