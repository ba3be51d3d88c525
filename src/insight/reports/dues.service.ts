import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { fiscalYearMonths, fiscalYearOf } from '../../platform/time/months';
import { DuesQuery } from './report-query.dto';
import { reportFilters } from './report-scope';
import { RollupReader } from './rollup-reader';

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
    private readonly reader: RollupReader,
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
    const { asOf, closed } = await this.reader.window(months[0], last);
    const { live: series, published } = await this.reader.netsThrough(filters, last > current ? last : current, closed);
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
