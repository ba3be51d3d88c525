import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { Goal } from '../goal.entity';
import type { MilestoneStatus } from '../goal-progress';

export class MilestoneDto {
  /** e.g. 第Ⅰ期 (2025年9月) */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsCalendarDate()
  dueOn!: string;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  targetMembers!: number;
}

/** Whose members count: none = the whole chapter; both = one federation within one council. */
export class GoalScopeDto {
  @IsOptional()
  @IsUUID()
  federationId?: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;
}

export class CreateGoalDto {
  /** e.g. 40万連合神奈川 */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  targetMembers!: number;

  @IsCalendarDate()
  targetOn!: string;

  @IsCalendarDate()
  baselineOn!: string;

  @ValidateNested()
  @Type(() => GoalScopeDto)
  scope!: GoalScopeDto;

  /** The goal this one is an allocation of. */
  @IsOptional()
  @IsUUID()
  parentGoalId?: string;

  @ApiProperty({ type: [MilestoneDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones!: MilestoneDto[];
}

export class UpdateGoalDto extends PartialType(CreateGoalDto) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListGoalsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  federationId?: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @ApiPropertyOptional({ description: 'Child goals of this goal' })
  @IsOptional()
  @IsUUID()
  parentGoalId?: string;
}

export class GoalDto {
  id!: string;
  name!: string;
  targetMembers!: number;
  targetOn!: string;
  baselineOn!: string;
  scope!: { federationId: string | null; regionalCouncilId: string | null };
  parentGoalId!: string | null;
  milestones!: MilestoneDto[];
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toGoalDto = (g: Goal): GoalDto => ({
  id: g.id,
  name: g.name,
  targetMembers: g.targetMembers,
  targetOn: g.targetOn,
  baselineOn: g.baselineOn,
  scope: { federationId: g.federationId, regionalCouncilId: g.regionalCouncilId },
  parentGoalId: g.parentGoalId,
  milestones: g.milestones,
  version: g.version,
  createdAt: g.createdAt,
  updatedAt: g.updatedAt,
});

export class GoalAllocationsDto {
  goalId!: string;
  targetMembers!: number;
  children!: GoalDto[];
  childrenTargetMembers!: number;
  /** Sum of the children's targets minus this goal's target: 0 when the allocation adds up. */
  difference!: number;
  balanced!: boolean;
}

export class MilestoneProgressDto extends MilestoneDto {
  membersAtDue!: number | null;
  projectedMembersAtDue!: number | null;
  @ApiProperty({ enum: ['met', 'missed', 'on_track', 'at_risk'] })
  status!: MilestoneStatus;
  /** 達成 / 未達 / 順調 / 要注意 */
  statusLabel!: string;
}

export class GoalProgressDto {
  goalId!: string;
  /** The newest ledger change the rollups include. */
  asOf!: Date | null;
  /** Today in Japan, by the service's clock. */
  today!: string;
  /** Members at the end of the baseline's month. */
  baselineMembers!: number;
  /** Members at the end of the current month (every change recorded for it so far). */
  currentMembers!: number;
  targetMembers!: number;
  /** currentMembers / targetMembers x 100, one decimal. */
  percent!: number;
  /** Members still to gain (0 once reached). */
  remaining!: number;
  /** Months from the current month to the target's month. */
  monthsLeft!: number;
  /** remaining / monthsLeft, one decimal. */
  requiredMonthlyNet!: number;
  /** Net change of the last 12 complete months. */
  trailing12MonthNet!: number;
  /** trailing12MonthNet / 12, one decimal. */
  monthlyTrend!: number;
  /** When the target is reached at the trend; null when it is not reached and the trend is not upward. */
  projectedOn!: string | null;
  /** The trend is at least the required monthly net. */
  onTrack!: boolean;
  milestones!: MilestoneProgressDto[];
}
