import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { CODE_MESSAGE, CODE_PATTERN } from '../../../platform/common/validation/reference-fields';
import { UNION_KINDS, UNION_STATUSES, UnionKind, UnionStatus } from '../union.entity';

const present = (_: object, value: unknown): boolean => value !== undefined;

export class CreateUnionDto {
  /** Optional stable code, unique when given. */
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string | null;

  /** e.g. 湘陽精機労働組合. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** Its federation; empty for a directly affiliated union. */
  @IsOptional()
  @IsUUID()
  federationId?: string | null;

  @IsUUID()
  regionalCouncilId!: string;

  /** e.g. 株式会社湘陽精機. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  employerName!: string;

  /** e.g. 藤沢市. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  municipality?: string | null;

  /** The day it joined the chapter (YYYY-MM-DD). */
  @IsOptional()
  @IsCalendarDate({ api: { required: false, nullable: true } })
  affiliatedOn?: string | null;

  /** active when omitted. */
  @ApiPropertyOptional({ enum: UNION_STATUSES, default: 'active' })
  @ValidateIf(present)
  @IsIn(UNION_STATUSES)
  status?: UnionStatus;

  /** enterprise when omitted. */
  @ApiPropertyOptional({ enum: UNION_KINDS, default: 'enterprise' })
  @ValidateIf(present)
  @IsIn(UNION_KINDS)
  kind?: UnionKind;

  /** The company (法人) the union organizes; its group is shown on 企業グループ. */
  @IsOptional()
  @IsUUID()
  companyId?: string | null;
}

/** Only the fields sent change; null is refused except for code, federationId, municipality and affiliatedOn. */
export class UpdateUnionDto extends PartialType(CreateUnionDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListUnionsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  federationId?: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @ApiPropertyOptional({ enum: UNION_STATUSES })
  @IsOptional()
  @IsIn(UNION_STATUSES)
  status?: UnionStatus;

  @ApiPropertyOptional({ enum: UNION_KINDS })
  @IsOptional()
  @IsIn(UNION_KINDS)
  kind?: UnionKind;

  @ApiPropertyOptional({ description: 'e.g. 藤沢市' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  municipality?: string;

  @ApiPropertyOptional({ description: 'Name, employer or code contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UnionDto {
  id!: string;
  code!: string | null;
  name!: string;
  federationId!: string | null;
  /** For display: the federation's name. */
  federationName!: string | null;
  regionalCouncilId!: string;
  /** For display: the council's name. */
  regionalCouncilName!: string;
  employerName!: string;
  municipality!: string | null;
  affiliatedOn!: string | null;
  @ApiProperty({ enum: UNION_STATUSES })
  status!: UnionStatus;
  @ApiProperty({ enum: UNION_KINDS })
  kind!: UnionKind;
  companyId!: string | null;
  /** Members now: the union's ledger summed up to the current month (Asia/Tokyo), read from the rollups. */
  currentMembers!: number;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
