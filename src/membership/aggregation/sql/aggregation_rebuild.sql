-- aggregation_rebuild: the whole rebuild on one connection (demo, scripts): begin, union level,
-- group levels, swap. The worker runs the same steps on two connections
-- (src/membership/aggregation/aggregation.service.ts). Afterwards every rollup level equals the
-- ledger (invariant 1, docs/architecture.md#invariant-1), whatever the rollups held before.
-- Returns the union-level row count.

CREATE OR REPLACE FUNCTION public.aggregation_rebuild()
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
      DECLARE
        n bigint;
      BEGIN
        PERFORM aggregation_rebuild_begin();
        n := aggregation_rebuild_union_level_next();
        PERFORM aggregation_rebuild_group_levels_next();
        PERFORM aggregation_rebuild_swap();
        RETURN n;
      END $function$
;
