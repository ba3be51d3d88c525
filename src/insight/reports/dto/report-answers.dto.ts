import type { GrowthReport } from '../growth.service';
import type { LossCausesReport } from '../loss-causes.service';

/**
 * The OpenAPI shape of report answers (the services build them as plain objects; these
 * classes only describe them, and `satisfies` checks below keep the two in step).
 */
export class GrowthMonthDto {
  /** YYYY-MM */
  month!: string;
  increase!: number;
  decrease!: number;
  adjustment!: number;
  net!: number;
  /** Members at the month's end. */
  members!: number;
  /** Set when a closed month's figures are the published ones (asPublished). */
  published?: boolean;
  /** Set beside the live figures when a closed month's figure changed since its close. */
  publishedMembers?: number;
  publishedNet?: number;
}

export class GrowthGroupDto {
  key!: string;
  label!: string;
  months!: GrowthMonthDto[];
}

export class GrowthReportDto {
  asOf!: Date | null;
  from!: string;
  to!: string;
  groupBy!: string;
  closedMonths!: string[];
  groups!: GrowthGroupDto[];
}

export class LossCauseDto {
  cause!: string;
  label!: string;
  members!: number;
  /** Share of the period's losses, 0..1. */
  share!: number;
  previousPeriodMembers!: number;
  publishedMembers?: number;
}

export class LossUnionDto {
  unionId!: string;
  name!: string;
  members!: number;
}

export class LossCausesReportDto {
  asOf!: Date | null;
  from!: string;
  to!: string;
  previousFrom!: string;
  previousTo!: string;
  total!: number;
  previousPeriodTotal!: number;
  publishedTotal?: number;
  causes!: LossCauseDto[];
  topUnions!: LossUnionDto[];
}

// the answers the services build fit the documented shapes
export type GrowthAnswerFits = GrowthReport extends GrowthReportDto ? true : never;
export type LossCausesAnswerFits = LossCausesReport extends LossCausesReportDto ? true : never;
export const answersFit: [GrowthAnswerFits, LossCausesAnswerFits] = [true, true];
