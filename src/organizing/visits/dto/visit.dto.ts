import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { labelOf } from '../../../platform/labels/labels';
import { SUPPORT_LEVEL_LABELS, VISIT_KIND_LABELS, VISIT_OUTCOME_LABELS } from '../../labels';
import { VISIT_KINDS, VISIT_OUTCOMES, Visit, VisitKind, VisitOutcome } from '../visit.entity';

export class CreateVisitDto {
  /** The day of the contact (Japan); not in the future. */
  @IsCalendarDate()
  occurredOn!: string;

  @ApiProperty({ enum: VISIT_KINDS })
  @IsIn(VISIT_KINDS)
  kind!: VisitKind;

  @ApiPropertyOptional({ enum: VISIT_OUTCOMES })
  @IsOptional()
  @IsIn(VISIT_OUTCOMES)
  outcome?: VisitOutcome | null;

  /** Workers spoken to. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  contactsReached?: number | null;

  /** 1 strong support (積極支持), 2 support, 3 undecided (中立), 4 opposition, 5 strong opposition (強い反対). */
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  supportLevel?: number | null;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary!: string;

  /** Also becomes the prospect's next action day. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false, nullable: true } })
  nextActionOn?: string | null;
}

export class UpdateVisitDto extends PartialType(CreateVisitDto) {
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListVisitsQuery extends PageQuery {
  /** The author. */
  @IsOptional()
  @IsUUID()
  organizerId?: string;

  @IsOptional()
  @IsUUID()
  prospectId?: string;

  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  to?: string;
}

export class VisitDto {
  id!: string;
  prospectId!: string;
  employerName!: string;
  organizerId!: string;
  organizerName!: string;
  occurredOn!: string;
  kind!: VisitKind;
  kindLabel!: string;
  outcome!: VisitOutcome | null;
  outcomeLabel!: string | null;
  contactsReached!: number | null;
  supportLevel!: number | null;
  supportLevelLabel!: string | null;
  summary!: string;
  nextActionOn!: string | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: string | null;
  updatedBy!: string | null;
}

export type VisitRow = Visit & { employerName: string; organizerName: string };

export const toVisitDto = (v: VisitRow): VisitDto => ({
  id: v.id,
  prospectId: v.prospectId,
  employerName: v.employerName,
  organizerId: v.organizerId,
  organizerName: v.organizerName,
  occurredOn: v.occurredOn,
  kind: v.kind,
  kindLabel: labelOf(VISIT_KIND_LABELS, v.kind),
  outcome: v.outcome,
  outcomeLabel: v.outcome ? labelOf(VISIT_OUTCOME_LABELS, v.outcome) : null,
  contactsReached: v.contactsReached,
  supportLevel: v.supportLevel,
  supportLevelLabel: v.supportLevel ? labelOf(SUPPORT_LEVEL_LABELS, String(v.supportLevel)) : null,
  summary: v.summary,
  nextActionOn: v.nextActionOn,
  version: v.version,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
  createdBy: v.createdBy,
  updatedBy: v.updatedBy,
});
