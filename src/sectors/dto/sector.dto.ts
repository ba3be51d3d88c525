import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Sector } from '../sector.entity';

// "none" is reserved: it is the rollup group of unions without a federation
export const CODE_PATTERN = /^(?!none$)[a-z0-9][a-z0-9_-]{0,49}$/;
export const CODE_MESSAGE = '$property must be 1-50 lowercase letters, digits, "-" or "_" (not "none")';

export class CreateSectorDto {
  /** Stable code, e.g. "sec1". */
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  /** Japanese name, e.g. 製造部門. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;
}

export class UpdateSectorDto extends PartialType(CreateSectorDto) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListSectorsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SectorDto {
  id!: string;
  code!: string;
  name!: string;
  nameEn!: string | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toSectorDto = (s: Sector): SectorDto => ({
  id: s.id,
  code: s.code,
  name: s.name,
  nameEn: s.nameEn,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
