import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { CodeAndNames } from '../../../platform/common/validation/reference-fields';
import { Sector } from '../sector.entity';

export class CreateSectorDto extends CodeAndNames {}

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
