import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { CodeAndNames } from '../../../platform/common/validation/reference-fields';
import { RegionalCouncil } from '../regional-council.entity';

export class CreateRegionalCouncilDto extends CodeAndNames {
  /** Cities and towns covered, e.g. ["藤沢市", "茅ヶ崎市", "寒川町"]; empty when omitted (never null). */
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  municipalities?: string[];
}

/** Only the fields sent change; null is refused except for nameEn. */
export class UpdateRegionalCouncilDto extends PartialType(CreateRegionalCouncilDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListRegionalCouncilsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Councils covering this municipality, e.g. 藤沢市' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  municipality?: string;

  @ApiPropertyOptional({ description: 'Code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RegionalCouncilDto {
  id!: string;
  code!: string;
  name!: string;
  nameEn!: string | null;
  municipalities!: string[];
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toRegionalCouncilDto = (c: RegionalCouncil): RegionalCouncilDto => ({
  id: c.id,
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  municipalities: c.municipalities,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
