-- aggregation_add_to_groups: the derived levels move with the union level (invariant 1,
-- docs/architecture.md#invariant-1; docs/architecture.md#rollup-levels). Adds the signed
-- union-level figures in the session's temp table rollup_delta to every group each union
-- counts toward (union_groups(): total, federation, council, sector, federation x council):
-- group_month_rollups gets increase, decrease, adjustment and net (split by cause_kind()),
-- group_month_cause_rollups the figure per cause.
-- Runs in its caller's transaction (aggregation_apply_batch, aggregation_shift_union,
-- aggregation_shift_federation), so a derived level never differs from the union level at a
-- commit; upserts in key order so that concurrent batches do not deadlock (invariant 3,
-- docs/architecture.md#invariant-3).

CREATE OR REPLACE FUNCTION public.aggregation_add_to_groups()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO group_month_rollups AS g (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net)
        SELECT l.level, l.group_key, d.month, d.employment_type, d.gender,
               sum(CASE WHEN cause_kind(d.cause) = 'increase' THEN d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'decrease' THEN -d.members ELSE 0 END),
               sum(CASE WHEN cause_kind(d.cause) = 'adjustment' THEN d.members ELSE 0 END),
               sum(d.members)
        FROM rollup_delta d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (level, group_key, month, employment_type, gender) DO UPDATE SET
          increase = g.increase + EXCLUDED.increase, decrease = g.decrease + EXCLUDED.decrease,
          adjustment = g.adjustment + EXCLUDED.adjustment, net = g.net + EXCLUDED.net;

        INSERT INTO group_month_cause_rollups AS g (level, group_key, month, cause, members)
        SELECT l.level, l.group_key, d.month, d.cause, sum(d.members)
        FROM rollup_delta d
        JOIN unions u ON u.id = d.union_id
        LEFT JOIN federations f ON f.id = u.federation_id
        CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (level, group_key, month, cause) DO UPDATE SET members = g.members + EXCLUDED.members;
      END $function$
;
