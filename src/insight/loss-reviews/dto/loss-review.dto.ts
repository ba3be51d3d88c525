import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsMonth } from '../../../platform/common/validation/validators';
import { DECREASE_CAUSES } from '../../../membership/vocabulary';

export class CreateLossReviewDto {
  @IsUUID()
  regionalCouncilId!: string;

  /** First month reviewed, YYYY-MM. */
  @IsMonth()
  periodFrom!: string;

  /** Last month reviewed, YYYY-MM. */
  @IsMonth()
  periodTo!: string;

  /** The decrease causes the review is about (cause codes, e.g. resignation). */
  @ApiProperty({ enum: DECREASE_CAUSES, isArray: true })
  @IsArray()
  @ArrayMaxSize(DECREASE_CAUSES.length)
  @IsIn(DECREASE_CAUSES, { each: true })
  causes!: string[];

  /** What the council found (減少要因の分析). */
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  findings!: string;

  /** What it will do about it (対策). */
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  countermeasures!: string;
}

export class UpdateLossReviewDto extends PartialType(CreateLossReviewDto) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListLossReviewsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @ApiPropertyOptional({ enum: DECREASE_CAUSES, description: 'Reviews about this cause' })
  @IsOptional()
  @IsIn(DECREASE_CAUSES)
  cause?: string;
}

export class LossReviewCauseDto {
  cause!: string;
  label!: string;
}

export class LossReviewDto {
  id!: string;
  regionalCouncilId!: string;
  regionalCouncilName!: string;
  periodFrom!: string;
  periodTo!: string;
  @ApiProperty({ enum: DECREASE_CAUSES, isArray: true })
  causes!: string[];
  /** The causes with their Japanese labels. */
  causeLabels!: LossReviewCauseDto[];
  findings!: string;
  countermeasures!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: string | null;
}
