import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { DerivedMismatchDto, InvariantsDto, LIST_LIMIT, UnionMismatchDto } from './dto/invariants.dto';

/** The union level (union x month x type x gender x cause) against the ledger rows no longer in the outbox. */
const UNION_LEVEL = sql`
  WITH ledger AS (
    SELECT c.union_id, c.month, c.employment_type, c.gender, c.cause, sum(c.delta)::bigint AS members
    FROM membership_changes c
    WHERE NOT EXISTS (SELECT 1 FROM aggregation_outbox o WHERE o.change_id = c.id)
    GROUP BY 1, 2, 3, 4, 5
  )
  SELECT coalesce(l.union_id, r.union_id) AS "unionId", to_char(coalesce(l.month, r.month), 'YYYY-MM') AS month,
         coalesce(l.employment_type, r.employment_type) AS "employmentType", coalesce(l.gender, r.gender) AS gender,
         coalesce(l.cause, r.cause) AS cause, coalesce(l.members, 0)::int AS ledger, coalesce(r.members, 0)::int AS rollup,
         count(*) OVER ()::int AS total
  FROM ledger l
  FULL JOIN union_month_rollups r
    ON r.union_id = l.union_id AND r.month = l.month AND r.employment_type = l.employment_type
   AND r.gender = l.gender AND r.cause = l.cause
  WHERE coalesce(l.members, 0) <> coalesce(r.members, 0)
  ORDER BY 1, 2, 3, 4, 5
  LIMIT ${LIST_LIMIT}`;

/** Derived levels recomputed from the union level under today's structure, against what they hold. */
const DERIVED_LEVELS = sql`
  WITH per_union AS (
    SELECT l.level, l.group_key, d.month, d.employment_type, d.gender, d.cause, d.members
    FROM union_month_rollups d
    JOIN unions u ON u.id = d.union_id
    LEFT JOIN federations f ON f.id = u.federation_id
    CROSS JOIN LATERAL union_groups(u.federation_id, u.regional_council_id, f.sector_code) l
  ), expected_totals AS (
    SELECT level, group_key, month, employment_type, gender,
           sum(CASE WHEN cause_kind(cause) = 'increase' THEN members ELSE 0 END) AS increase,
           sum(CASE WHEN cause_kind(cause) = 'decrease' THEN -members ELSE 0 END) AS decrease,
           sum(CASE WHEN cause_kind(cause) = 'adjustment' THEN members ELSE 0 END) AS adjustment,
           sum(members) AS net
    FROM per_union GROUP BY 1, 2, 3, 4, 5
  ), expected_causes AS (
    SELECT level, group_key, month, cause, sum(members) AS members FROM per_union GROUP BY 1, 2, 3, 4
  ), differences AS (
    SELECT coalesce(e.level, g.level) AS level, coalesce(e.group_key, g.group_key) AS group_key,
           coalesce(e.month, g.month) AS month, coalesce(e.employment_type, g.employment_type) AS employment_type,
           coalesce(e.gender, g.gender) AS gender, NULL::text AS cause, m.measure, m.expected, m.rollup
    FROM expected_totals e
    FULL JOIN group_month_rollups g
      ON g.level = e.level AND g.group_key = e.group_key AND g.month = e.month
     AND g.employment_type = e.employment_type AND g.gender = e.gender
    CROSS JOIN LATERAL (VALUES ('increase', e.increase, g.increase), ('decrease', e.decrease, g.decrease),
                               ('adjustment', e.adjustment, g.adjustment), ('net', e.net, g.net)) AS m(measure, expected, rollup)
    WHERE coalesce(m.expected, 0) <> coalesce(m.rollup, 0)
    UNION ALL
    SELECT coalesce(e.level, g.level), coalesce(e.group_key, g.group_key), coalesce(e.month, g.month), NULL, NULL,
           coalesce(e.cause, g.cause), 'members', e.members, g.members
    FROM expected_causes e
    FULL JOIN group_month_cause_rollups g
      ON g.level = e.level AND g.group_key = e.group_key AND g.month = e.month AND g.cause = e.cause
    WHERE coalesce(e.members, 0) <> coalesce(g.members, 0)
  )
  SELECT level, group_key AS "groupKey", to_char(month, 'YYYY-MM') AS month, employment_type AS "employmentType", gender, cause,
         measure, coalesce(expected, 0)::int AS expected, coalesce(rollup, 0)::int AS rollup, count(*) OVER ()::int AS total
  FROM differences
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  LIMIT ${LIST_LIMIT}`;

/**
 * Invariant 1 (docs/architecture.md#invariant-1), checked: rollups equal the ledger. Runs
 * in one REPEATABLE READ, read-only transaction, so the ledger, the outbox and the rollups
 * are read from the same snapshot even while workers apply batches (a batch's outbox
 * delete and rollup update commit together, so a snapshot never sees half a batch).
 */
@Injectable()
export class InvariantsService {
  constructor(private readonly db: DataSource) {}

  async check(): Promise<InvariantsDto> {
    return this.db.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      await query(manager, sql`SET TRANSACTION READ ONLY`);
      const [{ pending, checked_at }] = await query<{ pending: number; checked_at: Date }[]>(
        manager,
        sql`SELECT (SELECT count(*)::int FROM aggregation_outbox) AS pending, now() AS checked_at`,
      );
      const union = await query<(UnionMismatchDto & { total: number })[]>(manager, UNION_LEVEL);
      const derived = await query<(DerivedMismatchDto & { total: number })[]>(manager, DERIVED_LEVELS);
      const mismatchCount = union[0]?.total ?? 0;
      const derivedMismatchCount = derived[0]?.total ?? 0;
      return {
        ok: mismatchCount === 0 && derivedMismatchCount === 0,
        checkedAt: checked_at.toISOString(),
        pendingInOutbox: pending,
        mismatchCount,
        mismatches: union.map(({ total: _, ...m }) => m),
        derivedMismatchCount,
        derivedMismatches: derived.map(({ total: _, ...m }) => m),
      };
    });
  }
}
