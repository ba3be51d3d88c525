import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { CAUSES, Cause } from '../ledger-writer';

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
