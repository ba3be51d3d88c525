import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { firstDayOf, monthRange } from '../../platform/time/months';
import { GrowthMonth, LiveRow, PublishedRow, assembleGrowth } from './growth-series';
import { byLabelOrder, groupLabels } from './report-labels';
import { GrowthQuery, checkedRange } from './report-query.dto';
import { reportFilters } from './report-scope';
import { ReportDb } from './report-sql';
import { RollupSource, rollupSource } from './report-source';

export interface GrowthReport {
  asOf: Date | null;
  from: string;
  to: string;
  groupBy: string;
  closedMonths: string[];
  groups: { key: string; label: string; months: GrowthMonth[] }[];
}

const sums = (s: RollupSource): string =>
  `sum(${s.increase})::int AS increase, sum(${s.decrease})::int AS decrease,
   sum(${s.adjustment})::int AS adjustment, sum(${s.net})::int AS net`;

/** Growth by month per group: gains, losses, net and members at each month end. */
@Injectable()
export class GrowthService {
  constructor(
    private readonly db: ReportDb,
    private readonly clock: Clock,
  ) {}

  async growth(query: GrowthQuery, caller: CurrentUser): Promise<GrowthReport> {
    const filters = reportFilters(caller, query);
    const { from, to } = checkedRange(query, this.clock.month());
    const range = { fromDay: firstDayOf(from), toDay: firstDayOf(to) };
    const [asOf, closed] = await Promise.all([this.db.asOf(), this.db.closedMonths(from, to)]);

    const live = rollupSource(query.groupBy, filters, 'live');
    const published = rollupSource(query.groupBy, filters, 'published');
    const [liveRows, publishedRows] = await Promise.all([
      // group by the raw month first (cheap), then fold the months before the range into
      // the opening balance (month null) and format the rest
      this.db.rows<LiveRow>(
        `SELECT key, CASE WHEN month < :fromDay THEN NULL ELSE to_char(month, 'YYYY-MM') END AS month,
                sum(increase)::int AS increase, sum(decrease)::int AS decrease,
                sum(adjustment)::int AS adjustment, sum(net)::int AS net
         FROM (SELECT ${live.key} AS key, r.month, ${sums(live)}
               FROM ${live.from} WHERE ${live.where} AND r.month <= :toDay GROUP BY 1, 2) by_month
         GROUP BY 1, 2`,
        { ...live.params, ...range },
      ),
      closed.length
        ? this.db.rows<PublishedRow>(
            `SELECT ${published.key} AS key, to_char(r.month, 'YYYY-MM') AS month, ${sums(published)}, sum(r.members)::int AS members
             FROM ${published.from} WHERE ${published.where} AND r.month = ANY(:closedDays::date[]) GROUP BY 1, 2`,
            { ...published.params, closedDays: closed.map(firstDayOf) },
          )
        : Promise.resolve([]),
    ]);

    const series = assembleGrowth(monthRange(from, to), liveRows, publishedRows, new Set(closed), query.asPublished === true);
    const labels = await groupLabels(this.db, query.groupBy, [...series.keys()]);
    const groups = [...series.keys()].sort(byLabelOrder(labels)).map((key) => ({
      key,
      label: labels.get(key)?.label ?? key,
      months: series.get(key) as GrowthMonth[],
    }));
    return { asOf, from, to, groupBy: query.groupBy, closedMonths: closed, groups };
  }
}
