import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { PageQuery } from '../../common/http/pagination';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators';
import { AUDIT_ACTION_NAMES, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '../audit-actions';

export class AuditActorDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  id!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  email!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  role!: string | null;
}

export class AuditScopeDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  federationId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  regionalCouncilId!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;
  @ApiProperty({ enum: AUDIT_ACTION_NAMES, enumName: 'AuditAction' })
  action!: AuditAction;
  @ApiProperty()
  targetType!: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  targetId!: string | null;
  @ApiProperty({ type: AuditScopeDto })
  scope!: AuditScopeDto;
  @ApiProperty({ description: 'field -> [before, after]', type: 'object', additionalProperties: { type: 'array', items: {}, minItems: 2, maxItems: 2 } })
  changes!: Record<string, [unknown, unknown]>;
  @ApiProperty({ description: 'a count, a file, an export’s filters, format and row count', type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true })
  reason!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES })
  outcome!: AuditOutcome;
  @ApiPropertyOptional({ type: String, nullable: true })
  ip!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  requestId!: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];
  @ApiProperty()
  limit!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'pass as `cursor` for the next (older) page; null at the end' })
  nextCursor!: string | null;
}

/** A cursor: the last event of a page, as `<occurredAt ISO>_<id>`. */
export const AUDIT_CURSOR = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/;

/** A page of a record's history: the lists' `limit`, and the cursor in place of an offset. */
export class RecordHistoryQuery extends PickType(PageQuery, ['limit'] as const) {
  @IsOptional()
  @IsString()
  @Matches(AUDIT_CURSOR, { message: '$property must be the nextCursor of the page before' })
  cursor?: string;
}

/** The whole log's filters; `offset` is the export framework's, which reads every row (ignored otherwise). */
export class ListAuditEventsQuery extends IntersectionType(PageQuery, RecordHistoryQuery) {
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTION_NAMES })
  @IsOptional()
  @IsIn(AUDIT_ACTION_NAMES)
  action?: AuditAction;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+$/)
  @MaxLength(40)
  targetType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  /** From this Japan calendar day, inclusive. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  from?: string;

  /** To this Japan calendar day, inclusive. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  to?: string;
}
