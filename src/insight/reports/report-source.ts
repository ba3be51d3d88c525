import type { ReportFilters } from './report-scope';
import type { GrowthGroupBy } from './report-query.dto';

/**
 * Which rollup rows answer a report, and how to group them. Every report reads the
 * rollups (live) or their published copies (closed months), never the ledger; both
 * sides have the same columns, so one description serves both.
 *
 * Group levels (src/membership/aggregation/sql/union_groups.sql): total 'all',
 * federation <id>|'none', regional_council <id>, sector <code>|'none',
 * federation_council '<federation>:<council>'.
 */
export type Side = 'live' | 'published';

export interface RollupSource {
  /** FROM clause; the rollup row is `r`. */
  from: string;
  /** Conditions on r (and joins), with :named parameters. */
  where: string;
  params: Record<string, unknown>;
  /** SQL expression of the group key. */
  key: string;
  /** SQL expressions of the month's figures of one row. */
  increase: string;
  decrease: string;
  adjustment: string;
  net: string;
  /** Members at month end of one row (published side only). */
  members: string;
}

const GROUP_TABLE: Record<Side, string> = { live: 'group_month_rollups', published: 'published_group_month_rollups' };

const groupMeasures = {
  increase: 'r.increase',
  decrease: 'r.decrease',
  adjustment: 'r.adjustment',
  net: 'r.net',
  members: 'r.members',
};

interface Condition {
  where: string;
  params: Record<string, unknown>;
}

/** The one group that is the filter itself: the chapter, a federation, a council or both. */
export function scopeGroup(filters: ReportFilters): Condition {
  const { federationId, regionalCouncilId } = filters;
  if (federationId && regionalCouncilId) {
    return { where: `r.level = 'federation_council' AND r.group_key = :groupKey`, params: { groupKey: `${federationId}:${regionalCouncilId}` } };
  }
  if (federationId) return { where: `r.level = 'federation' AND r.group_key = :groupKey`, params: { groupKey: federationId } };
  if (regionalCouncilId) return { where: `r.level = 'regional_council' AND r.group_key = :groupKey`, params: { groupKey: regionalCouncilId } };
  return { where: `r.level = 'total' AND r.group_key = 'all'`, params: {} };
}

/** Rows per federation within the filters (federation x council rows when a council is given). */
function byFederation(filters: ReportFilters): Condition & { key: string } {
  const { federationId, regionalCouncilId } = filters;
  if (!regionalCouncilId) {
    const where = federationId ? `r.level = 'federation' AND r.group_key = :federationId` : `r.level = 'federation'`;
    return { where, params: federationId ? { federationId } : {}, key: 'r.group_key' };
  }
  if (federationId) return { ...scopeGroup(filters), key: `split_part(r.group_key, ':', 1)` };
  // every '<federation>:<council>' key of the council, so the primary key's index finds them
  return {
    where: `r.level = 'federation_council' AND r.group_key IN (
              SELECT f.id::text || ':' || :councilId::text FROM federations f UNION ALL SELECT 'none:' || :councilId::text)`,
    params: { councilId: regionalCouncilId },
    key: `split_part(r.group_key, ':', 1)`,
  };
}

/** Rows per council within the filters (federation x council rows when a federation is given). */
function byCouncil(filters: ReportFilters): Condition & { key: string } {
  const { federationId, regionalCouncilId } = filters;
  if (!federationId) {
    const where = regionalCouncilId ? `r.level = 'regional_council' AND r.group_key = :councilId` : `r.level = 'regional_council'`;
    return { where, params: regionalCouncilId ? { councilId: regionalCouncilId } : {}, key: 'r.group_key' };
  }
  if (regionalCouncilId) return { ...scopeGroup(filters), key: `split_part(r.group_key, ':', 2)` };
  return {
    where: `r.level = 'federation_council' AND r.group_key IN (SELECT :federationId::text || ':' || c.id::text FROM regional_councils c)`,
    params: { federationId },
    key: `split_part(r.group_key, ':', 2)`,
  };
}

function groupSource(side: Side, condition: Condition & { key: string }, join = ''): RollupSource {
  return { from: `${GROUP_TABLE[side]} r ${join}`, ...condition, ...groupMeasures };
}

/** Unions: the live side joins today's unions; the published side kept their federation and council. */
function unionSource(side: Side, filters: ReportFilters): RollupSource {
  const owner = side === 'live' ? 'un' : 'r';
  const conditions = ['TRUE'];
  if (filters.federationId) conditions.push(`${owner}.federation_id = :federationId`);
  if (filters.regionalCouncilId) conditions.push(`${owner}.regional_council_id = :councilId`);
  const where = conditions.join(' AND ');
  const params = { federationId: filters.federationId, councilId: filters.regionalCouncilId };
  if (side === 'published') return { from: 'published_union_month_rollups r', where, params, key: 'r.union_id::text', ...groupMeasures };
  const of = (kind: string, sign = ''): string => `CASE WHEN cause_kind(r.cause) = '${kind}' THEN ${sign}r.members ELSE 0 END`;
  return {
    from: 'union_month_rollups r JOIN unions un ON un.id = r.union_id',
    where,
    params,
    key: 'r.union_id::text',
    increase: of('increase'),
    decrease: of('decrease', '-'),
    adjustment: of('adjustment'),
    net: 'r.members',
    members: 'r.members',
  };
}

/** The rows and grouping behind a report grouped by `groupBy`, within the filters. */
export function rollupSource(groupBy: GrowthGroupBy, filters: ReportFilters, side: Side): RollupSource {
  switch (groupBy) {
    case 'total':
      return groupSource(side, { ...scopeGroup(filters), key: `'all'` });
    case 'employmentType':
      return groupSource(side, { ...scopeGroup(filters), key: 'r.employment_type' });
    case 'gender':
      return groupSource(side, { ...scopeGroup(filters), key: 'r.gender' });
    case 'federation':
      return groupSource(side, byFederation(filters));
    case 'regionalCouncil':
      return groupSource(side, byCouncil(filters));
    case 'sector':
      if (!filters.federationId && !filters.regionalCouncilId) return groupSource(side, { where: `r.level = 'sector'`, params: {}, key: 'r.group_key' });
      // within a filter there is no sector level: group the federation rows by their sector
      return groupSource(
        side,
        { ...byFederation(filters), key: `coalesce(sf.sector_code, 'none')` },
        `LEFT JOIN federations sf ON sf.id::text = split_part(r.group_key, ':', 1)`,
      );
    case 'union':
      return unionSource(side, filters);
  }
}
