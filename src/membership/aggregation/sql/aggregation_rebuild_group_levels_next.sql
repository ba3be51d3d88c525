-- aggregation_rebuild_group_levels_next: connection B's half of a rebuild (invariant 1,
-- docs/architecture.md#invariant-1, recomputed): group_month_rollups_next (increase, decrease,
-- adjustment and net per level x month x employment type x gender) from the ledger in one pass
-- at the federation x council grain, then federation, council, sector and total from that much
-- smaller result. The sum each cause feeds comes from cause_kinds(), the list cause_kind()
-- reads, so a rebuild counts every cause a batch counts. Committed under a name nothing reads;
-- the swap makes it live, and a failed run leaves it to the next one, which drops it first.

CREATE OR REPLACE FUNCTION public.aggregation_rebuild_group_levels_next()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
$function$
;
