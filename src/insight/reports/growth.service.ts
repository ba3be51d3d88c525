import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { monthRange } from '../../platform/time/months';
import { GrowthMonth, assembleGrowth } from './growth-series';
import { byLabelOrder, groupLabels } from './report-labels';
import { GrowthQuery, checkedRange } from './report-query.dto';
import { reportFilters } from './report-scope';
import { RollupReader } from './rollup-reader';

export interface GrowthReport {
  asOf: Date | null;
  from: string;
  to: string;
  groupBy: string;
  closedMonths: string[];
  groups: { key: string; label: string; months: GrowthMonth[] }[];
}

/** Growth by month per group: gains, losses, net and members at each month end. */
@Injectable()
export class GrowthService {
  constructor(
    private readonly reader: RollupReader,
    private readonly clock: Clock,
  ) {}

  async growth(query: GrowthQuery, caller: CurrentUser): Promise<GrowthReport> {
    const filters = reportFilters(caller, query);
    const { from, to } = checkedRange(query, this.clock.month());
    const { asOf, closed } = await this.reader.window(from, to);
    const figures = await this.reader.groupMonths(query.groupBy, filters, from, to, closed);
    const series = assembleGrowth(monthRange(from, to), figures.live, figures.published, new Set(closed), query.asPublished === true);
    const labels = await groupLabels(this.reader, query.groupBy, [...series.keys()]);
    const groups = [...series.keys()].sort(byLabelOrder(labels)).map((key) => ({
      key,
      label: labels.get(key)?.label ?? key,
      months: series.get(key) as GrowthMonth[],
    }));
    return { asOf, from, to, groupBy: query.groupBy, closedMonths: closed, groups };
  }
}
