import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { labelOf } from '../../platform/labels/labels';
import { CAUSE_LABELS } from '../../membership/vocabulary';
import { CAUSES, DECREASE_CAUSES, INCREASE_CAUSES } from '../../membership/vocabulary';
import { monthRange } from '../../platform/time/months';
import { causeFigures } from './loss-causes-rows';
import { MonthRangeQuery, checkedRange } from './report-query.dto';
import { reportFilters } from './report-scope';
import type { CauseRow } from './rollup-reader';
import { RollupReader } from './rollup-reader';

export interface CauseMembers {
  cause: string;
  label: string;
  members: number;
}

export interface NetChangeMonth {
  month: string;
  /** Increases by cause (positive). */
  gains: CauseMembers[];
  /** Decreases by cause, signed as in the ledger (negative), so gains + losses + adjustment = net. */
  losses: CauseMembers[];
  adjustment: number;
  net: number;
  published?: true;
  publishedNet?: number;
}

export interface NetChangeReport {
  asOf: Date | null;
  from: string;
  to: string;
  months: NetChangeMonth[];
}

const INCREASE = new Set<string>(INCREASE_CAUSES);
const DECREASE = new Set<string>(DECREASE_CAUSES);
const netOf = (rows: CauseRow[]): number => rows.reduce((sum, r) => sum + r.members, 0);

function byCause(rows: CauseRow[], kind: Set<string>): CauseMembers[] {
  return rows
    .filter((r) => kind.has(r.cause) && r.members !== 0)
    .sort((a, b) => CAUSES.indexOf(a.cause as never) - CAUSES.indexOf(b.cause as never))
    .map((r) => ({ cause: r.cause, label: labelOf(CAUSE_LABELS, r.cause), members: r.members }));
}

/** The waterfall behind the growth: each month's gains and losses by cause (増減要因). */
@Injectable()
export class NetChangeService {
  constructor(
    private readonly reader: RollupReader,
    private readonly clock: Clock,
  ) {}

  async netChange(query: MonthRangeQuery, caller: CurrentUser): Promise<NetChangeReport> {
    const filters = reportFilters(caller, query);
    const { from, to } = checkedRange(query, this.clock.month());
    const { asOf, closed } = await this.reader.window(from, to);
    const figures = causeFigures(await this.reader.causeMonths(filters, from, to, closed), closed);
    const asPublished = query.asPublished === true;
    const shown = asPublished ? figures.asPublished : figures.live;
    const months = monthRange(from, to).map((month): NetChangeMonth => {
      const rows = shown.filter((r) => r.month === month);
      const net = netOf(rows);
      const answer: NetChangeMonth = {
        month,
        gains: byCause(rows, INCREASE),
        losses: byCause(rows, DECREASE),
        adjustment: netOf(rows.filter((r) => r.cause === 'survey_adjustment')),
        net,
      };
      if (!figures.closed.has(month)) return answer;
      if (asPublished) return { ...answer, published: true };
      const publishedNet = netOf(figures.asPublished.filter((r) => r.month === month));
      return publishedNet === net ? answer : { ...answer, publishedNet };
    });
    return { asOf, from, to, months };
  }
}
