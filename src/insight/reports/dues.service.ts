import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { firstDayOf, fiscalYearMonths, fiscalYearOf } from '../../platform/time/months';
import { DuesQuery } from './report-query.dto';
import { reportFilters } from './report-scope';
import { ReportDb } from './report-sql';
import { scopeGroup } from './report-source';

export interface DuesMonth {
  month: string;
  members: number;
  /** true for months after the current one: the last known members carried forward */
  projected: boolean;
  published?: true;
  publishedMembers?: number;
  dues: number;
}

export interface DuesReport {
  asOf: Date | null;
  fiscalYear: number;
  from: string;
  to: string;
  monthlyDuesYen: number;
  paymentRate: number;
  months: DuesMonth[];
  totalDues: number;
  /** The latest known members x monthly dues x 12 x payment rate. */
  annualAtCurrentMembers: number;
}

/** Dues to the chapter per month of a fiscal year (会費収入の見込み): members x dues x payment rate. */
@Injectable()
export class DuesService {
  constructor(
    private readonly db: ReportDb,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async projection(query: DuesQuery, caller: CurrentUser): Promise<DuesReport> {
    const filters = reportFilters(caller, query);
    const { fiscalYearStartMonth: startMonth, monthlyDuesYen, duesPaymentRate: paymentRate } = this.config;
    const current = this.clock.month();
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(current, startMonth);
    const months = fiscalYearMonths(fiscalYear, startMonth);
    const last = months[11];
    const group = scopeGroup(filters);
    const [asOf, closed, series] = await Promise.all([
      this.db.asOf(),
      this.db.closedMonths(months[0], last),
      this.db.rows<{ month: string; net: number }>(
        `SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.net)::int AS net
         FROM group_month_rollups r WHERE ${group.where} AND r.month <= :lastDay GROUP BY 1`,
        { ...group.params, lastDay: firstDayOf(last > current ? last : current) },
      ),
    ]);
    const published = closed.length
      ? await this.db.rows<{ month: string; members: number }>(
          `SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.members)::int AS members
           FROM published_group_month_rollups r WHERE ${group.where} AND r.month = ANY(:closedDays::date[]) GROUP BY 1`,
          { ...group.params, closedDays: closed.map(firstDayOf) },
        )
      : [];
    const through = (month: string): number => series.reduce((sum, r) => (r.month <= month ? sum + r.net : sum), 0);
    const publishedOf = new Map(published.map((r) => [r.month, r.members]));
    const dues = (members: number): number => Math.round(members * monthlyDuesYen * paymentRate);
    const currentMembers = through(current);

    const rows = months.map((month): DuesMonth => {
      const projected = month > current;
      const members = projected ? currentMembers : through(month);
      if (!closed.includes(month)) return { month, members, projected, dues: dues(members) };
      const kept = publishedOf.get(month) ?? 0;
      if (query.asPublished === true) return { month, members: kept, projected, published: true, dues: dues(kept) };
      return { month, members, projected, ...(kept !== members ? { publishedMembers: kept } : {}), dues: dues(members) };
    });
    return {
      asOf,
      fiscalYear,
      from: months[0],
      to: last,
      monthlyDuesYen,
      paymentRate,
      months: rows,
      totalDues: rows.reduce((sum, r) => sum + r.dues, 0),
      annualAtCurrentMembers: dues(currentMembers * 12),
    };
  }
}
