import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { labelOf } from '../../platform/labels/labels';
import { DECREASE_CAUSES } from '../../membership/membership-changes/ledger-writer';
import { addMonths, firstDayOf, monthsBetween } from '../../platform/time/months';
import { causeFigures, sumByCause } from './loss-causes-rows';
import { MonthRangeQuery, checkedRange } from './report-query.dto';
import { ReportFilters, reportFilters } from './report-scope';
import { ReportDb } from './report-sql';

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
    private readonly db: ReportDb,
    private readonly clock: Clock,
  ) {}

  async lossCauses(query: MonthRangeQuery, caller: CurrentUser): Promise<LossCausesReport> {
    const filters = reportFilters(caller, query);
    const { from, to } = checkedRange(query, this.clock.month());
    const previousFrom = addMonths(from, -(monthsBetween(from, to) + 1));
    const previousTo = addMonths(from, -1);
    const [asOf, figures] = await Promise.all([this.db.asOf(), causeFigures(this.db, filters, previousFrom, to)]);
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
          label: labelOf('causes', cause),
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
      topUnions: await this.topUnions(filters, from, to, asPublished ? closedInRange : []),
    };
  }

  /** The ten unions that lost the most members in the period (published figures for `publishedMonths`). */
  private topUnions(filters: ReportFilters, from: string, to: string, publishedMonths: string[]) {
    const live = [
      filters.federationId ? 'AND un.federation_id = :federationId' : '',
      filters.regionalCouncilId ? 'AND un.regional_council_id = :councilId' : '',
    ].join(' ');
    const kept = live.replace(/un\./g, 'p.');
    return this.db.rows<{ unionId: string; name: string; members: number }>(
      `SELECT x.union_id AS "unionId", u.name, sum(x.lost)::int AS members
       FROM (
         SELECT r.union_id, -r.members AS lost
         FROM union_month_rollups r JOIN unions un ON un.id = r.union_id
         WHERE cause_kind(r.cause) = 'decrease' AND r.month BETWEEN :fromDay AND :toDay
           AND NOT (r.month = ANY(:publishedDays::date[])) ${live}
         UNION ALL
         SELECT p.union_id, p.decrease FROM published_union_month_rollups p
         WHERE p.month = ANY(:publishedDays::date[]) ${kept}
       ) x JOIN unions u ON u.id = x.union_id
       GROUP BY x.union_id, u.name HAVING sum(x.lost) > 0
       ORDER BY members DESC, u.name LIMIT 10`,
      {
        fromDay: firstDayOf(from),
        toDay: firstDayOf(to),
        publishedDays: publishedMonths.map(firstDayOf),
        federationId: filters.federationId,
        councilId: filters.regionalCouncilId,
      },
    );
  }
}
