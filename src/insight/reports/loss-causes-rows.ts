import { firstDayOf } from '../../platform/time/months';
import type { ReportFilters } from './report-scope';
import type { ReportDb } from './report-sql';
import { scopeGroup } from './report-source';

/** A month's signed sum of one cause for the filtered group (decreases are negative). */
export interface CauseRow {
  month: string;
  cause: string;
  members: number;
}

export interface CauseFigures {
  closed: Set<string>;
  /** The live rollups' figures. */
  live: CauseRow[];
  /** The figures as published: closed months from their published copy, the others live. */
  asPublished: CauseRow[];
}

const CAUSE_TABLE = { live: 'group_month_cause_rollups', published: 'published_group_month_cause_rollups' };

/**
 * The month x cause figures of the filters' group over `from`..`to`, live and as published.
 * Shared by the loss-cause and net-change reports.
 */
export async function causeFigures(db: ReportDb, filters: ReportFilters, from: string, to: string): Promise<CauseFigures> {
  const group = scopeGroup(filters);
  const closed = await db.closedMonths(from, to);
  const params = { ...group.params, fromDay: firstDayOf(from), toDay: firstDayOf(to), closedDays: closed.map(firstDayOf) };
  const query = (table: string, months: string): Promise<CauseRow[]> =>
    db.rows<CauseRow>(
      `SELECT to_char(r.month, 'YYYY-MM') AS month, r.cause, sum(r.members)::int AS members
       FROM ${table} r WHERE ${group.where} AND ${months} GROUP BY 1, 2`,
      params,
    );
  const [live, published] = await Promise.all([
    query(CAUSE_TABLE.live, 'r.month BETWEEN :fromDay AND :toDay'),
    closed.length ? query(CAUSE_TABLE.published, 'r.month = ANY(:closedDays::date[])') : Promise.resolve([]),
  ]);
  const closedSet = new Set(closed);
  return {
    closed: closedSet,
    live,
    asPublished: [...live.filter((r) => !closedSet.has(r.month)), ...published],
  };
}

/** Sum of members per cause over the months `from`..`to` of the rows. */
export function sumByCause(rows: CauseRow[], from: string, to: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.month >= from && row.month <= to) sums.set(row.cause, (sums.get(row.cause) ?? 0) + row.members);
  }
  return sums;
}
