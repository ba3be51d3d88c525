import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { labelOf } from '../../platform/labels/labels';
import { CAUSE_LABELS } from '../../membership/vocabulary';
import { DECREASE_CAUSES } from '../../membership/vocabulary';
import { addMonths, monthsBetween } from '../../platform/time/months';
import { causeFigures, sumByCause } from './loss-causes-rows';
import { LossCausesQuery, checkedRange } from './report-query.dto';
import { badField } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { reportFilters } from './report-scope';
import { RollupReader } from './rollup-reader';

export interface LossCause {
  cause: string;
  label: string;
  members: number;
  share: number;
  previousPeriodMembers: number;
  publishedMembers?: number;
}

export interface LossCausesReport {
  asOf: Date | null;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  total: number;
  previousPeriodTotal: number;
  publishedTotal?: number;
  causes: LossCause[];
  topUnions: { unionId: string; name: string; members: number }[];
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Why members were lost (減少要因): decreases by cause against the previous period of equal length. */
@Injectable()
export class LossCausesService {
  constructor(
    private readonly reader: RollupReader,
    private readonly clock: Clock,
  ) {}

  async lossCauses(query: LossCausesQuery, caller: CurrentUser): Promise<LossCausesReport> {
    const filters = reportFilters(caller, query);
    // the published copies keep each union's losses without their causes
    if (query.cause && query.asPublished === true) throw badField('cause', PlatformErrorCode.NOT_COMBINABLE, 'cannot be combined with asPublished');
    const { from, to } = checkedRange(query, this.clock.month());
    const previousFrom = addMonths(from, -(monthsBetween(from, to) + 1));
    const previousTo = addMonths(from, -1);
    const { asOf, closed } = await this.reader.window(previousFrom, to);
    const figures = causeFigures(await this.reader.causeMonths(filters, previousFrom, to, closed), closed);
    const asPublished = query.asPublished === true;
    const shown = asPublished ? figures.asPublished : figures.live;

    // decreases are negative in the rollups: shown as positive numbers of members lost
    const lost = (sums: Map<string, number>, cause: string): number => -(sums.get(cause) ?? 0);
    const now = sumByCause(shown, from, to);
    const before = sumByCause(shown, previousFrom, previousTo);
    const other = asPublished ? now : sumByCause(figures.asPublished, from, to);
    const total = DECREASE_CAUSES.reduce((sum, cause) => sum + lost(now, cause), 0);
    const publishedTotal = DECREASE_CAUSES.reduce((sum, cause) => sum + lost(other, cause), 0);

    const causes = DECREASE_CAUSES.filter((cause) => lost(now, cause) !== 0 || lost(before, cause) !== 0)
      .map((cause): LossCause => {
        const members = lost(now, cause);
        const published = lost(other, cause);
        return {
          cause,
          label: labelOf(CAUSE_LABELS, cause),
          members,
          share: total ? round4(members / total) : 0,
          previousPeriodMembers: lost(before, cause),
          ...(published !== members ? { publishedMembers: published } : {}),
        };
      })
      .sort((a, b) => b.members - a.members || DECREASE_CAUSES.indexOf(a.cause as never) - DECREASE_CAUSES.indexOf(b.cause as never));

    const closedInRange = [...figures.closed].filter((m) => m >= from && m <= to);
    return {
      asOf,
      from,
      to,
      previousFrom,
      previousTo,
      total,
      previousPeriodTotal: DECREASE_CAUSES.reduce((sum, cause) => sum + lost(before, cause), 0),
      ...(publishedTotal !== total ? { publishedTotal } : {}),
      causes,
      topUnions: query.cause
        ? await this.reader.unionsLosingBy(query.cause, filters, from, to)
        : await this.reader.topLosingUnions(filters, from, to, asPublished ? closedInRange : []),
    };
  }
}
