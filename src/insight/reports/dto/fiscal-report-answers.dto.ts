import type { DuesReport } from '../dues.service';
import type { GenderReport } from '../gender.service';
import type { NetChangeReport } from '../net-change.service';

/**
 * The OpenAPI shape of the net-change, gender and dues answers (the services build plain
 * objects; these classes only describe them, and the checks below keep the two in step).
 */
export class CauseMembersDto {
  cause!: string;
  label!: string;
  members!: number;
}

export class NetChangeMonthDto {
  /** YYYY-MM */
  month!: string;
  /** Increases by cause (positive). */
  gains!: CauseMembersDto[];
  /** Decreases by cause, negative as in the ledger: gains + losses + adjustment = net. */
  losses!: CauseMembersDto[];
  /** The annual survey's correction (調査による補正). */
  adjustment!: number;
  net!: number;
  /** Set when a closed month's figures are the published ones (asPublished). */
  published?: boolean;
  /** Set beside the live net when a closed month's figure changed since its close. */
  publishedNet?: number;
}

export class NetChangeReportDto {
  asOf!: Date | null;
  from!: string;
  to!: string;
  months!: NetChangeMonthDto[];
}

export class GenderCountsDto {
  female!: number;
  male!: number;
  unspecified!: number;
  members!: number;
  /** female / members, 0..1 (null without members). */
  femaleShare!: number | null;
  /** female / (female + male), 0..1: the share among members whose gender is known. */
  femaleShareOfKnown!: number | null;
}

export class GenderGroupDto extends GenderCountsDto {
  key!: string;
  label!: string;
  /** Set beside the live figures when the closed month changed since its close. */
  publishedMembers?: number;
  publishedFemaleShare?: number | null;
}

export class GenderReportDto {
  asOf!: Date | null;
  /** The month whose end is counted, YYYY-MM. */
  month!: string;
  closed!: boolean;
  published!: boolean;
  total!: GenderCountsDto;
  groups!: GenderGroupDto[];
}

export class DuesMonthDto {
  month!: string;
  members!: number;
  /** true for months after the current one: the last known members carried forward. */
  projected!: boolean;
  published?: boolean;
  publishedMembers?: number;
  /** Yen. */
  dues!: number;
}

export class DuesReportDto {
  asOf!: Date | null;
  fiscalYear!: number;
  from!: string;
  to!: string;
  monthlyDuesYen!: number;
  paymentRate!: number;
  months!: DuesMonthDto[];
  /** Yen: the sum of the months' dues. */
  totalDues!: number;
  /** Yen: the latest known members x monthly dues x 12 x payment rate. */
  annualAtCurrentMembers!: number;
}

// the answers the services build fit the documented shapes
export type NetChangeAnswerFits = NetChangeReport extends NetChangeReportDto ? true : never;
export type GenderAnswerFits = GenderReport extends GenderReportDto ? true : never;
export type DuesAnswerFits = DuesReport extends DuesReportDto ? true : never;
export const fiscalAnswersFit: [NetChangeAnswerFits, GenderAnswerFits, DuesAnswerFits] = [true, true, true];
