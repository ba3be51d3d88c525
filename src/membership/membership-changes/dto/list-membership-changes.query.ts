import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { CAUSES, CAUSE_KINDS, Cause, CauseKind } from '../../vocabulary';

export class ListMembershipChangesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  unionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  federationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  regionalCouncilId?: string;

  @ApiPropertyOptional({ enum: CAUSES })
  @IsOptional()
  @IsIn(CAUSES)
  cause?: Cause;

  /** Only the causes of this kind: gains, losses or survey adjustments (with a union, its losses of a period). */
  @ApiPropertyOptional({ enum: CAUSE_KINDS })
  @IsOptional()
  @IsIn(CAUSE_KINDS)
  causeKind?: CauseKind;

  /** First effective day included. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false, description: 'effectiveOn on or after' } })
  from?: string;

  /** Last effective day included. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false, description: 'effectiveOn on or before' } })
  to?: string;

  /** The entries a spreadsheet import wrote (and their reversals). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  importId?: string;
}
