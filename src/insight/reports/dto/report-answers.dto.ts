import { ApiProperty } from '@nestjs/swagger';
import { CAUSES, DECREASE_CAUSES } from '../../../membership/vocabulary';
import type { DuesReport } from '../dues.service';
import type { GenderReport } from '../gender.service';
import type { GenderParticipationReport } from '../gender-participation.service';
import { GENDER_TARGETS, PARITY_STATUSES } from '../gender-participation';
import { GOVERNANCE_BODY_KINDS, ORGANIZATION_KINDS } from '../../../structure/governance-bodies/governance-body.entity';
import type { GrowthReport } from '../growth.service';
import type { LossCausesReport } from '../loss-causes.service';
import type { NetChangeReport } from '../net-change.service';
import { GROWTH_GROUP_BY } from '../report-query.dto';

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
  @ApiProperty({ enum: GROWTH_GROUP_BY })
  groupBy!: string;
  closedMonths!: string[];
  groups!: GrowthGroupDto[];
}

export class LossCauseDto {
  @ApiProperty({ enum: DECREASE_CAUSES })
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

export class CauseMembersDto {
  @ApiProperty({ enum: CAUSES })
  cause!: string;
  label!: string;
  members!: number;
}

export class NetChangeMonthDto {
  /** YYYY-MM */
  month!: string;
  /** Increases by cause (positive). */
  gains!: CauseMembersDto[];
  /** Decreases by cause, signed as in the ledger (negative), so gains + losses + adjustment = net. */
  losses!: CauseMembersDto[];
  adjustment!: number;
  net!: number;
  /** Set when a closed month's figures are the published ones (asPublished). */
  published?: boolean;
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
  /** female / members (null without members). */
  femaleShare!: number | null;
  /** female / (female + male): the ratio among members whose gender is known. */
  femaleShareOfKnown!: number | null;
}

export class GenderGroupDto extends GenderCountsDto {
  key!: string;
  label!: string;
  publishedMembers?: number;
  publishedFemaleShare?: number | null;
}

export class GenderReportDto {
  asOf!: Date | null;
  /** YYYY-MM: the month whose end the counts are taken at. */
  month!: string;
  closed!: boolean;
  published!: boolean;
  total!: GenderCountsDto;
  groups!: GenderGroupDto[];
}

export class DuesMonthDto {
  /** YYYY-MM */
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
  /** YYYY-MM: April of the fiscal year. */
  from!: string;
  /** YYYY-MM: March of the next calendar year. */
  to!: string;
  monthlyDuesYen!: number;
  paymentRate!: number;
  months!: DuesMonthDto[];
  totalDues!: number;
  /** The latest known members x monthly dues x 12 x payment rate. */
  annualAtCurrentMembers!: number;
}

export class GenderTargetStatusDto {
  @ApiProperty({ enum: GENDER_TARGETS })
  target!: (typeof GENDER_TARGETS)[number];
  @ApiProperty({ enum: PARITY_STATUSES })
  status!: (typeof PARITY_STATUSES)[number];
}

export class ParticipationPreviousBodyDto {
  seats!: number | null;
  women!: number | null;
  womenShare!: number | null;
  gapPoints!: number | null;
  parity!: number | null;
  @ApiProperty({ enum: PARITY_STATUSES })
  status!: (typeof PARITY_STATUSES)[number];
}

export class ParticipationBodyDto {
  id!: string;
  @ApiProperty({ enum: GOVERNANCE_BODY_KINDS })
  kind!: (typeof GOVERNANCE_BODY_KINDS)[number];
  name!: string;
  /** This year's counts (null: not recorded). */
  seats!: number | null;
  women!: number | null;
  men!: number | null;
  unspecified!: number | null;
  womenQuota!: boolean | null;
  /** women / seats. */
  womenShare!: number | null;
  /** (womenShare - memberFemaleShare) x 100, one decimal. */
  gapPoints!: number | null;
  /** womenShare / memberFemaleShare; 1 or more is in proportion. */
  parity!: number | null;
  /** met (parity >= 1, exactly proportional included), not_met, unknown (no composition or no member share). */
  @ApiProperty({ enum: PARITY_STATUSES })
  status!: (typeof PARITY_STATUSES)[number];
  previous!: ParticipationPreviousBodyDto;
}

export class ParticipationYearDto {
  fiscalYear!: number;
  /** YYYY-MM: the month whose end the members are counted at. */
  month!: string;
  members!: number;
  female!: number;
  male!: number;
  unspecified!: number;
  /** female / members, the gender report's figure for the same month. */
  memberFemaleShare!: number | null;
  /** (female + male) / members: the share of members whose gender is known. */
  memberGenderCoverage!: number | null;
  executiveSeats!: number | null;
  executiveWomen!: number | null;
  executiveWomenShare!: number | null;
  executiveGapPoints!: number | null;
  executiveParity!: number | null;
  @ApiProperty({ enum: PARITY_STATUSES })
  executiveStatus!: (typeof PARITY_STATUSES)[number];
  womenQuota!: boolean | null;
  targets!: GenderTargetStatusDto[];
}

export class ParticipationOrganizationDto extends ParticipationYearDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind!: (typeof ORGANIZATION_KINDS)[number];
  /** null for the confederation. */
  id!: string | null;
  name!: string;
  bodies!: ParticipationBodyDto[];
  /** The same organization's figures last fiscal year. */
  previous!: ParticipationYearDto;
}

export class GenderParticipationReportDto {
  asOf!: Date | null;
  fiscalYear!: number;
  @ApiProperty({ enum: ['federation', 'regionalCouncil'] })
  groupBy!: 'federation' | 'regionalCouncil';
  /** The share of members whose gender is known at or above which "member gender surveyed" is met. */
  surveyedCoverage!: number;
  organizations!: ParticipationOrganizationDto[];
}

// the answers the services build fit the documented shapes
type Fits<Answer, Documented> = Answer extends Documented ? true : never;
export const answersFit: [
  Fits<GrowthReport, GrowthReportDto>,
  Fits<LossCausesReport, LossCausesReportDto>,
  Fits<NetChangeReport, NetChangeReportDto>,
  Fits<GenderReport, GenderReportDto>,
  Fits<DuesReport, DuesReportDto>,
  Fits<GenderParticipationReport, GenderParticipationReportDto>,
] = [true, true, true, true, true, true];
