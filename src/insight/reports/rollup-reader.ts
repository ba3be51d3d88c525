import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstDayOf } from '../../platform/time/months';
import { Sql, query, sql } from '../../platform/database/sql';
import type { LiveRow, PublishedRow } from './growth-series';
import type { ReportFilters } from './report-scope';
import type { GrowthGroupBy } from './report-query.dto';
import { RollupSource, rollupSource, scopeGroup } from './rollup-source';

/** What every report reads besides its figures: how fresh they are and which months are closed. */
export interface Window {
  /** The time of the newest ledger change the rollups include. */
  asOf: Date | null;
  /** The closed months of the window (YYYY-MM), oldest first. */
  closed: string[];
}

/** A month's signed sum of one cause for the filtered group (decreases are negative). */
export interface CauseRow {
  month: string;
  cause: string;
  members: number;
}

/** Members at a month end per group and gender. */
export interface GenderRow {
  key: string;
  gender: string;
  members: number;
}

/** Live and published readings of the same figures; `published` is empty without closed months. */
export interface Reading<L, P = L> {
  live: L[];
  published: P[];
}

const days = (months: string[]): string[] => months.map(firstDayOf);

const sums = (s: RollupSource): Sql =>
  sql`sum(${s.increase})::int AS increase, sum(${s.decrease})::int AS decrease,
      sum(${s.adjustment})::int AS adjustment, sum(${s.net})::int AS net`;

/**
 * The one reader of the rollups for the membership reports: live figures, their
 * published copies for closed months, the closed months and the as-of time. It reads
 * rollups and published tables only, never the ledger; each report assembles what it
 * answers from these readings with a pure function.
 */
@Injectable()
export class RollupReader {
  constructor(private readonly db: DataSource) {}

  private rows<T>(statement: Sql): Promise<T[]> {
    return query<T[]>(this.db, statement);
  }

  /** The time of the newest ledger change the rollups include. */
  async asOf(): Promise<Date | null> {
    const [state] = await this.rows<{ asOf: Date | null }>(sql`SELECT as_of AS "asOf" FROM aggregation_state WHERE id = 1`);
    return state?.asOf ?? null;
  }

  /** The as-of time and the closed months among `from`..`to` (YYYY-MM). */
  async window(from: string, to: string): Promise<Window> {
    const [asOf, closed] = await Promise.all([
      this.asOf(),
      this.rows<{ month: string }>(
        sql`SELECT to_char(month, 'YYYY-MM') AS month FROM closed_periods
            WHERE month BETWEEN ${firstDayOf(from)} AND ${firstDayOf(to)} ORDER BY month`,
      ),
    ]);
    return { asOf, closed: closed.map((r) => r.month) };
  }

  /**
   * Each group's gains, losses, adjustment and net per month of `from`..`to`; the live
   * row with month null holds every month before `from` (the opening balance).
   */
  groupMonths(groupBy: GrowthGroupBy, filters: ReportFilters, from: string, to: string, closed: string[]): Promise<Reading<LiveRow, PublishedRow>> {
    const live = rollupSource(groupBy, filters, 'live');
    const kept = rollupSource(groupBy, filters, 'published');
    return this.both(
      // group by the raw month first (cheap), then fold the months before the range into the opening balance
      sql`SELECT key, CASE WHEN month < ${firstDayOf(from)} THEN NULL ELSE to_char(month, 'YYYY-MM') END AS month,
                 sum(increase)::int AS increase, sum(decrease)::int AS decrease,
                 sum(adjustment)::int AS adjustment, sum(net)::int AS net
          FROM (SELECT ${live.key} AS key, r.month, ${sums(live)}
                FROM ${live.from} WHERE ${live.where} AND r.month <= ${firstDayOf(to)} GROUP BY 1, 2) by_month
          GROUP BY 1, 2`,
      closed.length > 0 &&
        sql`SELECT ${kept.key} AS key, to_char(r.month, 'YYYY-MM') AS month, ${sums(kept)}, sum(r.members)::int AS members
            FROM ${kept.from} WHERE ${kept.where} AND r.month = ANY(${days(closed)}::date[]) GROUP BY 1, 2`,
    );
  }

  /** The filters' group's month x cause figures over `from`..`to` (the loss-cause and net-change reports). */
  causeMonths(filters: ReportFilters, from: string, to: string, closed: string[]): Promise<Reading<CauseRow>> {
    const group = scopeGroup(filters);
    const select = (table: Sql, months: Sql): Sql =>
      sql`SELECT to_char(r.month, 'YYYY-MM') AS month, r.cause, sum(r.members)::int AS members
          FROM ${table} r WHERE ${group} AND ${months} GROUP BY 1, 2`;
    return this.both(
      select(sql`group_month_cause_rollups`, sql`r.month BETWEEN ${firstDayOf(from)} AND ${firstDayOf(to)}`),
      closed.length > 0 && select(sql`published_group_month_cause_rollups`, sql`r.month = ANY(${days(closed)}::date[])`),
    );
  }

  /** Members per group and gender at the end of `month`. */
  gendersAt(groupBy: GrowthGroupBy, filters: ReportFilters, month: string, closed: boolean): Promise<Reading<GenderRow>> {
    const live = rollupSource(groupBy, filters, 'live');
    const kept = rollupSource(groupBy, filters, 'published');
    return this.both(
      sql`SELECT ${live.key} AS key, r.gender, sum(${live.net})::int AS members
          FROM ${live.from} WHERE ${live.where} AND r.month <= ${firstDayOf(month)} GROUP BY 1, 2`,
      closed &&
        sql`SELECT ${kept.key} AS key, r.gender, sum(r.members)::int AS members
            FROM ${kept.from} WHERE ${kept.where} AND r.month = ${firstDayOf(month)} GROUP BY 1, 2`,
    );
  }

  /** The filters' group's live net per month, oldest first (goal progress). */
  monthlyNets(filters: ReportFilters): Promise<{ month: string; net: number }[]> {
    return this.rows(
      sql`SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.net)::int AS net
          FROM group_month_rollups r WHERE ${scopeGroup(filters)} GROUP BY r.month ORDER BY r.month`,
    );
  }

  /** The filters' group's net per month up to `through`, and its published members of the closed months. */
  netsThrough(filters: ReportFilters, through: string, closed: string[]): Promise<Reading<{ month: string; net: number }, { month: string; members: number }>> {
    const group = scopeGroup(filters);
    return this.both(
      sql`SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.net)::int AS net
          FROM group_month_rollups r WHERE ${group} AND r.month <= ${firstDayOf(through)} GROUP BY 1`,
      closed.length > 0 &&
        sql`SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.members)::int AS members
            FROM published_group_month_rollups r WHERE ${group} AND r.month = ANY(${days(closed)}::date[]) GROUP BY 1`,
    );
  }

  /** The ten unions that lost the most members in `from`..`to`; `publishedMonths` counted as published. */
  topLosingUnions(filters: ReportFilters, from: string, to: string, publishedMonths: string[]) {
    const owned = (alias: string): Sql => {
      const a = sql.ident(alias);
      return sql.and([
        ...(filters.federationId ? [sql`${a}.federation_id = ${filters.federationId}`] : []),
        ...(filters.regionalCouncilId ? [sql`${a}.regional_council_id = ${filters.regionalCouncilId}`] : []),
      ]);
    };
    const published = days(publishedMonths);
    return this.rows<{ unionId: string; name: string; members: number }>(
      sql`SELECT x.union_id AS "unionId", u.name, sum(x.lost)::int AS members
          FROM (
            SELECT r.union_id, -r.members AS lost
            FROM union_month_rollups r JOIN unions un ON un.id = r.union_id
            WHERE cause_kind(r.cause) = 'decrease' AND r.month BETWEEN ${firstDayOf(from)} AND ${firstDayOf(to)}
              AND NOT (r.month = ANY(${published}::date[])) AND ${owned('un')}
            UNION ALL
            SELECT p.union_id, p.decrease FROM published_union_month_rollups p
            WHERE p.month = ANY(${published}::date[]) AND ${owned('p')}
          ) x JOIN unions u ON u.id = x.union_id
          GROUP BY x.union_id, u.name HAVING sum(x.lost) > 0
          ORDER BY members DESC, u.name LIMIT 10`,
    );
  }

  /** Every union that lost members by `cause` in `from`..`to` (live), largest first: together they sum to the cause's figure. */
  unionsLosingBy(cause: string, filters: ReportFilters, from: string, to: string) {
    return this.rows<{ unionId: string; name: string; members: number }>(
      sql`SELECT u.id AS "unionId", u.name, (-sum(r.members))::int AS members
          FROM union_month_rollups r JOIN unions u ON u.id = r.union_id
          WHERE r.cause = ${cause} AND r.month BETWEEN ${firstDayOf(from)} AND ${firstDayOf(to)}
            AND ${sql.and([
              ...(filters.federationId ? [sql`u.federation_id = ${filters.federationId}`] : []),
              ...(filters.regionalCouncilId ? [sql`u.regional_council_id = ${filters.regionalCouncilId}`] : []),
            ])}
          GROUP BY u.id, u.name HAVING sum(r.members) <> 0
          ORDER BY members DESC, u.name`,
    );
  }

  /** Names or codes of groups, for labels. */
  names(statement: Sql): Promise<{ key: string; label: string; order: string }[]> {
    return this.rows(statement);
  }

  private async both<L, P>(live: Sql, published: Sql | false): Promise<Reading<L, P>> {
    const [liveRows, publishedRows] = await Promise.all([this.rows<L>(live), published ? this.rows<P>(published) : Promise.resolve([])]);
    return { live: liveRows, published: publishedRows };
  }
}
