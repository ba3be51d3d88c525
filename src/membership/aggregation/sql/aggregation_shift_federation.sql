-- aggregation_shift_federation: a federation moving to another sector takes its unions' figures
-- with it (docs/architecture.md#rollup-levels): the set-based twin of aggregation_shift_union()
-- for every union of the federation. The caller
-- (src/structure/federations/federations.service.ts) locks the outbox (SHARE ROW EXCLUSIVE),
-- calls it with -1, updates the federation, calls it with +1 and commits, so the sector level
-- stays equal to the union level under today's structure (invariant 1,
-- docs/architecture.md#invariant-1).

CREATE OR REPLACE FUNCTION public.aggregation_shift_federation(p_federation uuid, p_sign integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
      END $function$
;
