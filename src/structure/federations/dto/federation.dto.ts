import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { CODE_MESSAGE, CODE_PATTERN, CodeAndNames } from '../../../platform/common/validation/reference-fields';
import { Federation } from '../federation.entity';

export class CreateFederationDto extends CodeAndNames {
  /** Code of its sector (産業別部門), e.g. "sec4". */
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  sectorCode!: string;
}

/** Only the fields sent change; null is refused except for nameEn. */
export class UpdateFederationDto extends PartialType(CreateFederationDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListFederationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Federations of this sector' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sectorCode?: string;

  @ApiPropertyOptional({ description: 'Code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class FederationDto {
  id!: string;
  code!: string;
  name!: string;
  nameEn!: string | null;
  sectorCode!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toFederationDto = (f: Federation): FederationDto => ({
  id: f.id,
  code: f.code,
  name: f.name,
  nameEn: f.nameEn,
  sectorCode: f.sectorCode,
  version: f.version,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});
