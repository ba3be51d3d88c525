-- aggregation_shift_union: a union moving to another federation or council takes its figures
-- with it (docs/architecture.md#rollup-levels: subtract from the old groups, add to the new, in
-- one transaction). Adds p_sign x the union's union-level figures to the derived levels of the
-- groups it belongs to now. The caller (src/structure/unions/unions.service.ts) locks the
-- outbox (SHARE ROW EXCLUSIVE), calls it with -1, updates the union, calls it with +1 and
-- commits, so no batch applies in between and the derived levels stay equal to the union level
-- under today's structure (invariant 1, docs/architecture.md#invariant-1).

CREATE OR REPLACE FUNCTION public.aggregation_shift_union(p_union uuid, p_sign integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS rollup_delta (
          union_id uuid, month date, employment_type text, gender text, cause text, members integer, changes integer
        ) ON COMMIT DELETE ROWS;
        DELETE FROM rollup_delta;
        INSERT INTO rollup_delta
        SELECT union_id, month, employment_type, gender, cause, p_sign * members, p_sign * changes
        FROM union_month_rollups WHERE union_id = p_union;
        PERFORM aggregation_add_to_groups();
      END $function$
;
