import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { EMPLOYMENT_TYPES, EmploymentType, GENDERS, Gender } from '../../../membership/vocabulary';
import { ProspectDto } from './prospect.dto';
import { UNION_KINDS, UNION_STATUSES } from '../../../structure/unions/union.entity';

export class BreakdownLineDto {
  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @ApiPropertyOptional({ enum: GENDERS, default: 'unspecified' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  members!: number;
}

export class AffiliateProspectDto {
  /** The founded union's name, e.g. みなと物流労働組合. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unionName!: string;

  /** Optional unique code of the new union. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, { message: '$property must be 1-50 lowercase letters, digits, "-" or "_"' })
  unionCode?: string;

  /** The federation it joins; omitted for a union affiliated directly to the confederation's chapter. */
  @IsOptional()
  @IsUUID()
  federationId?: string;

  /** Enterprise union (企業別組合) by default; general for an area union open to anyone. */
  @ApiPropertyOptional({ enum: ['enterprise', 'general'], default: 'enterprise' })
  @IsOptional()
  @IsIn(['enterprise', 'general'])
  kind?: 'enterprise' | 'general';

  /** Members at affiliation. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  members!: number;

  /** The day the union affiliates; its members count from this day. */
  @IsCalendarDate()
  effectiveOn!: string;

  /** By employment type and gender; must add up to members. Omitted: all regular, gender unspecified. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => BreakdownLineDto)
  employmentBreakdown?: BreakdownLineDto[];

  /** The prospect's version you read (optional); a stale one is 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class AffiliatedUnionDto {
  id!: string;
  code!: string | null;
  name!: string;
  federationId!: string | null;
  regionalCouncilId!: string;
  employerName!: string;
  municipality!: string | null;
  affiliatedOn!: string;
  @ApiProperty({ enum: UNION_KINDS })
  kind!: string;
  kindLabel!: string;
  @ApiProperty({ enum: UNION_STATUSES })
  status!: string;
  statusLabel!: string;
}

export class AffiliationDto {
  prospect!: ProspectDto;
  union!: AffiliatedUnionDto;
  /** The new_organizing ledger entries written, one per breakdown line. */
  membershipChangeIds!: string[];
}
