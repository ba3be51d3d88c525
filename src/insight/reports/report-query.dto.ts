import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { badField } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { IsMonth } from '../../platform/common/validation/validators';
import { addMonths, monthsBetween } from '../../platform/time/months';
import { DECREASE_CAUSES } from '../../membership/vocabulary';

export const MAX_RANGE_MONTHS = 120;

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters every membership report takes; the caller's scope may force them. */
export class ReportFilterQuery {
  @IsOptional()
  @IsUUID()
  federationId?: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @ApiPropertyOptional({ description: 'Answer with the published figures for closed months' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  asPublished?: boolean;
}

export class MonthRangeQuery extends ReportFilterQuery {
  /** First month, YYYY-MM (default: 11 months before `to`). */
  @IsOptional()
  @IsMonth({ api: { required: false } })
  from?: string;

  /** Last month, YYYY-MM (default: the current month). */
  @IsOptional()
  @IsMonth({ api: { required: false } })
  to?: string;
}

/** `from`..`to` with their defaults; 400 naming the parameter when reversed or too long. */
export function checkedRange(query: MonthRangeQuery, currentMonth: string): { from: string; to: string } {
  const to = query.to ?? (query.from && query.from > currentMonth ? query.from : currentMonth);
  const from = query.from ?? addMonths(to, -11);
  if (from > to) throw badField('from', PlatformErrorCode.DATES_OUT_OF_ORDER, 'must not be after to');
  if (monthsBetween(from, to) + 1 > MAX_RANGE_MONTHS)
    throw badField('to', PlatformErrorCode.RANGE_TOO_LONG, `must be at most ${MAX_RANGE_MONTHS} months from from`);
  return { from, to };
}

export class LossCausesQuery extends MonthRangeQuery {
  @ApiPropertyOptional({
    enum: DECREASE_CAUSES,
    description:
      'Only this cause: topUnions then lists every union that lost members by it, largest first, summing to its figure (live figures; not with asPublished)',
  })
  @IsOptional()
  @IsIn(DECREASE_CAUSES)
  cause?: (typeof DECREASE_CAUSES)[number];
}

export const GROWTH_GROUP_BY = ['total', 'federation', 'regionalCouncil', 'sector', 'union', 'employmentType', 'gender'] as const;
export type GrowthGroupBy = (typeof GROWTH_GROUP_BY)[number];

export class GrowthQuery extends MonthRangeQuery {
  @ApiPropertyOptional({ enum: GROWTH_GROUP_BY, default: 'total' })
  @IsOptional()
  @IsIn(GROWTH_GROUP_BY)
  groupBy: GrowthGroupBy = 'total';
}

export const GENDER_GROUP_BY = ['federation', 'regionalCouncil'] as const;

export class GenderQuery extends ReportFilterQuery {
  @ApiPropertyOptional({ enum: GENDER_GROUP_BY, default: 'regionalCouncil' })
  @IsOptional()
  @IsIn(GENDER_GROUP_BY)
  groupBy: (typeof GENDER_GROUP_BY)[number] = 'regionalCouncil';

  /** Members at the end of this month, YYYY-MM (default: the current month). */
  @IsOptional()
  @IsMonth({ api: { required: false } })
  month?: string;
}

export class DuesQuery extends ReportFilterQuery {
  /** The fiscal year (年度) by the calendar year it starts in (default: the current one). */
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;
}

export class GenderParticipationQuery {
  /** The fiscal year (年度) by the calendar year it starts in (default: the current one). */
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  /** Organizations beside the confederation: federations or regional councils (federation and regional users see their own). */
  @ApiPropertyOptional({ enum: GENDER_GROUP_BY, default: 'federation' })
  @IsOptional()
  @IsIn(GENDER_GROUP_BY)
  groupBy: (typeof GENDER_GROUP_BY)[number] = 'federation';
}
