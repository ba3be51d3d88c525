import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { GOVERNANCE_BODY_KINDS, GovernanceBodyKind, ORGANIZATION_KINDS, OrganizationKind } from '../governance-body.entity';

/** Whose body it is: the confederation (no id), or a federation, council or union by id. */
export class OrganizationRefDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  /** The federation's, council's or union's id; empty for the confederation. */
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateGovernanceBodyDto {
  @ValidateNested()
  @Type(() => OrganizationRefDto)
  organization!: OrganizationRefDto;

  @ApiProperty({ enum: GOVERNANCE_BODY_KINDS })
  @IsIn(GOVERNANCE_BODY_KINDS)
  kind!: GovernanceBodyKind;

  /** e.g. 執行委員会. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class UpdateGovernanceBodyDto {
  @ApiPropertyOptional({ enum: GOVERNANCE_BODY_KINDS })
  @IsOptional()
  @IsIn(GOVERNANCE_BODY_KINDS)
  kind?: GovernanceBodyKind;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListGovernanceBodiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  organizationKind?: OrganizationKind;

  /** Bodies of this federation, council or union. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: GOVERNANCE_BODY_KINDS })
  @IsOptional()
  @IsIn(GOVERNANCE_BODY_KINDS)
  kind?: GovernanceBodyKind;
}

/** The counts of one fiscal year (never names): women + men + unspecified must equal seats. */
export class PutCompositionDto {
  /** 定数: the seats filled (or the delegates sent). */
  @IsInt()
  @Min(0)
  @Max(100000)
  seats!: number;

  @IsInt()
  @Min(0)
  @Max(100000)
  women!: number;

  @IsInt()
  @Min(0)
  @Max(100000)
  men!: number;

  /** Seats whose holder's gender is not recorded. */
  @IsInt()
  @Min(0)
  @Max(100000)
  unspecified!: number;

  /** Whether the body has a women's quota (女性枠). */
  @IsBoolean()
  womenQuota!: boolean;

  /** The version you read, when replacing a composition; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class CompositionDto {
  id!: string;
  bodyId!: string;
  fiscalYear!: number;
  seats!: number;
  women!: number;
  men!: number;
  unspecified!: number;
  womenQuota!: boolean;
  version!: number;
  updatedAt!: Date;
}

export class OrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind!: OrganizationKind;
  /** null for the confederation. */
  id!: string | null;
  name!: string;
}

export class GovernanceBodyDto {
  id!: string;
  organization!: OrganizationDto;
  @ApiProperty({ enum: GOVERNANCE_BODY_KINDS })
  kind!: GovernanceBodyKind;
  name!: string;
  /** Every fiscal year recorded, newest first. */
  compositions!: CompositionDto[];
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
