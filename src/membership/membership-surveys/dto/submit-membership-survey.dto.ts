import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { EMPLOYMENT_TYPES, EmploymentType, GENDERS, Gender } from '../../vocabulary';

export const MAX_SURVEY_MEMBERS = 1_000_000;

export class SurveyCountDto {
  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: Gender;

  /** Members of this employment type and gender on the survey day. */
  @IsInt()
  @Min(0)
  @Max(MAX_SURVEY_MEMBERS)
  members!: number;
}

/**
 * The annual member count survey (組合員数調査) of one union: the ground truth on its
 * day. A pair of employment type and gender not listed has 0 members.
 */
export class SubmitMembershipSurveyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  unionId!: string;

  @IsCalendarDate({ api: { description: 'The survey day (基準日)' } })
  surveyedOn!: string;

  @ApiProperty({ type: [SurveyCountDto] })
  @IsArray()
  @ArrayMaxSize(EMPLOYMENT_TYPES.length * GENDERS.length)
  @ValidateNested({ each: true })
  @Type(() => SurveyCountDto)
  counts!: SurveyCountDto[];
}

export class ListMembershipSurveysQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  unionId?: string;
}

export class SurveyAdjustmentDto {
  /** The survey_adjustment ledger entry. */
  id!: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  employmentType!: EmploymentType;
  @ApiProperty({ enum: GENDERS })
  gender!: Gender;
  /** Survey count minus the ledger balance on the survey day. */
  delta!: number;
}

export class MembershipSurveyDto {
  id!: string;
  unionId!: string;
  @ApiProperty({ format: 'date' })
  surveyedOn!: string;
  @ApiProperty({ type: [SurveyCountDto] })
  counts!: SurveyCountDto[];
  totalMembers!: number;
  /** The ledger's count on the survey day before the adjustments. */
  ledgerMembersBefore!: number;
  @ApiProperty({ type: [SurveyAdjustmentDto] })
  adjustments!: SurveyAdjustmentDto[];
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  recordedBy!: string | null;
}
