import { Sql, sql } from '../../platform/database/sql';
import type { ReportFilters } from './report-scope';
import type { GrowthGroupBy } from './report-query.dto';

/**
 * Which rollup rows answer a report, and how to group them. Every report reads the
 * rollups (live) or their published copies (closed months), never the ledger; both
 * sides have the same columns, so one description serves both.
 *
 * Group levels (src/membership/aggregation/sql/union_groups.sql): total 'all', federation <id>|'none',
 * regional_council <id>, sector <code>|'none', federation_council '<federation>:<council>'.
 */
export type Side = 'live' | 'published';

export interface RollupSource {
  /** FROM clause; the rollup row is `r`. */
  from: Sql;
  /** Conditions on r (and joins). */
  where: Sql;
  /** The group key. */
  key: Sql;
  /** The month's figures of one row. */
  increase: Sql;
  decrease: Sql;
  adjustment: Sql;
  net: Sql;
  /** Members at month end of one row (published side only). */
  members: Sql;
}

const GROUP_TABLE: Record<Side, Sql> = { live: sql`group_month_rollups`, published: sql`published_group_month_rollups` };

const groupMeasures = {
  increase: sql`r.increase`,
  decrease: sql`r.decrease`,
  adjustment: sql`r.adjustment`,
  net: sql`r.net`,
  members: sql`r.members`,
};

interface Grouping {
  where: Sql;
  key: Sql;
}

/** The one group that is the filter itself: the chapter, a federation, a council or both. */
export function scopeGroup(filters: ReportFilters): Sql {
  const { federationId, regionalCouncilId } = filters;
  if (federationId && regionalCouncilId) return sql`r.level = 'federation_council' AND r.group_key = ${`${federationId}:${regionalCouncilId}`}`;
  if (federationId) return sql`r.level = 'federation' AND r.group_key = ${federationId}`;
  if (regionalCouncilId) return sql`r.level = 'regional_council' AND r.group_key = ${regionalCouncilId}`;
  return sql`r.level = 'total' AND r.group_key = 'all'`;
}

/** Rows per federation within the filters (federation x council rows when a council is given). */
function byFederation(filters: ReportFilters): Grouping {
  const { federationId, regionalCouncilId } = filters;
  if (!regionalCouncilId) {
    const where = federationId ? sql`r.level = 'federation' AND r.group_key = ${federationId}` : sql`r.level = 'federation'`;
    return { where, key: sql`r.group_key` };
  }
  if (federationId) return { where: scopeGroup(filters), key: sql`split_part(r.group_key, ':', 1)` };
  // every '<federation>:<council>' key of the council, so the primary key's index finds them
  return {
    where: sql`r.level = 'federation_council' AND r.group_key IN (
              SELECT f.id::text || ':' || ${regionalCouncilId}::text FROM federations f UNION ALL SELECT 'none:' || ${regionalCouncilId}::text)`,
    key: sql`split_part(r.group_key, ':', 1)`,
  };
}

/** Rows per council within the filters (federation x council rows when a federation is given). */
function byCouncil(filters: ReportFilters): Grouping {
  const { federationId, regionalCouncilId } = filters;
  if (!federationId) {
    const where = regionalCouncilId ? sql`r.level = 'regional_council' AND r.group_key = ${regionalCouncilId}` : sql`r.level = 'regional_council'`;
    return { where, key: sql`r.group_key` };
  }
  if (regionalCouncilId) return { where: scopeGroup(filters), key: sql`split_part(r.group_key, ':', 2)` };
  return {
    where: sql`r.level = 'federation_council' AND r.group_key IN (SELECT ${federationId}::text || ':' || c.id::text FROM regional_councils c)`,
    key: sql`split_part(r.group_key, ':', 2)`,
  };
}

function groupSource(side: Side, grouping: Grouping, join = sql``): RollupSource {
  return { from: sql`${GROUP_TABLE[side]} r ${join}`, ...grouping, ...groupMeasures };
}

/** Unions: the live side joins today's unions; the published side kept their federation and council. */
function unionSource(side: Side, filters: ReportFilters): RollupSource {
  const owner = sql.ident(side === 'live' ? 'un' : 'r');
  const where = sql.and([
    ...(filters.federationId ? [sql`${owner}.federation_id = ${filters.federationId}`] : []),
    ...(filters.regionalCouncilId ? [sql`${owner}.regional_council_id = ${filters.regionalCouncilId}`] : []),
  ]);
  const key = sql`r.union_id::text`;
  if (side === 'published') return { from: sql`published_union_month_rollups r`, where, key, ...groupMeasures };
  const of = (kind: string, sign = sql``): Sql => sql`CASE WHEN cause_kind(r.cause) = ${kind} THEN ${sign}r.members ELSE 0 END`;
  return {
    from: sql`union_month_rollups r JOIN unions un ON un.id = r.union_id`,
    where,
    key,
    increase: of('increase'),
    decrease: of('decrease', sql`-`),
    adjustment: of('adjustment'),
    net: sql`r.members`,
    members: sql`r.members`,
  };
}

/** The rows and grouping behind a report grouped by `groupBy`, within the filters. */
export function rollupSource(groupBy: GrowthGroupBy, filters: ReportFilters, side: Side): RollupSource {
  switch (groupBy) {
    case 'total':
      return groupSource(side, { where: scopeGroup(filters), key: sql`'all'` });
    case 'employmentType':
      return groupSource(side, { where: scopeGroup(filters), key: sql`r.employment_type` });
    case 'gender':
      return groupSource(side, { where: scopeGroup(filters), key: sql`r.gender` });
    case 'federation':
      return groupSource(side, byFederation(filters));
    case 'regionalCouncil':
      return groupSource(side, byCouncil(filters));
    case 'sector':
      if (!filters.federationId && !filters.regionalCouncilId) return groupSource(side, { where: sql`r.level = 'sector'`, key: sql`r.group_key` });
      // within a filter there is no sector level: group the federation rows by their sector
      return groupSource(
        side,
        { ...byFederation(filters), key: sql`coalesce(sf.sector_code, 'none')` },
        sql`LEFT JOIN federations sf ON sf.id::text = split_part(r.group_key, ':', 1)`,
      );
    case 'union':
      return unionSource(side, filters);
  }
}
