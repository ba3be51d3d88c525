import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { CONFIDENCES, Confidence, RELATION_KINDS, RelationKind } from '../company-relation.entity';

const present = (_: object, value: unknown): boolean => value !== undefined;
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateCompanyRelationDto {
  @IsUUID()
  parentId!: string;

  @IsUUID()
  childId!: string;

  /** The category of 関係会社の状況; the first three control the child (one current controlling parent at most). */
  @ApiProperty({ enum: RELATION_KINDS })
  @IsIn(RELATION_KINDS)
  kind!: RelationKind;

  /** 議決権の所有割合 in percent, 0-100. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  votingShare?: number | null;

  @IsOptional()
  @IsCalendarDate({ api: { required: false, nullable: true } })
  startOn?: string | null;

  /** The last day the relation held; empty while it holds. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false, nullable: true } })
  endOn?: string | null;

  /** e.g. 有価証券報告書（2025年3月期）関係会社の状況. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string | null;

  @ApiPropertyOptional({ enum: CONFIDENCES, default: 'medium' })
  @ValidateIf(present)
  @IsIn(CONFIDENCES)
  confidence?: Confidence;
}

export class UpdateCompanyRelationDto extends PartialType(CreateCompanyRelationDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListCompanyRelationsQuery extends PageQuery {
  /** Relations where the company is the parent or the child. */
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @IsOptional()
  @IsUUID()
  parentId?: string;

  @IsOptional()
  @IsUUID()
  childId?: string;

  /** Only those holding today. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  current?: boolean;
}

export class CompanyRelationDto {
  id!: string;
  parentId!: string;
  parentName!: string;
  childId!: string;
  childName!: string;
  @ApiProperty({ enum: RELATION_KINDS })
  kind!: RelationKind;
  kindLabel!: string;
  votingShare!: number | null;
  startOn!: string | null;
  endOn!: string | null;
  source!: string | null;
  @ApiProperty({ enum: CONFIDENCES })
  confidence!: Confidence;
  /** Holds today. */
  current!: boolean;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
