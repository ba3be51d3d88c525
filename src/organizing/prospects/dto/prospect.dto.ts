import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { labelOf } from '../../../platform/labels/labels';
import { PROSPECT_SOURCE_LABELS, STAGE_LABELS } from '../../labels';
import { PROSPECT_SOURCES, Prospect, ProspectSource } from '../prospect.entity';
import { INITIAL_STAGES, STAGES, Stage, WorkingStage } from '../stage-rules';

/** Head count of the workplace by employment type (the non-regular workers are the main target). */
export class WorkforceDto {
  @IsInt() @Min(0) @Max(1_000_000) regular!: number;
  @IsInt() @Min(0) @Max(1_000_000) partTime!: number;
  @IsInt() @Min(0) @Max(1_000_000) fixedTerm!: number;
  @IsInt() @Min(0) @Max(1_000_000) dispatch!: number;
}

/** Required unless fromCompanyId names the company to take it from. */
const unlessFromCompany = (dto: { fromCompanyId?: string }, value: unknown): boolean => !dto.fromCompanyId || value !== undefined;

export class CreateProspectDto {
  /**
   * Fill the new prospect from this company (POST only): employer name and フリガナ,
   * municipality (and so the council), industry (as the sector), employees as the estimate,
   * source corporate_group, and the link to the company. Fields sent beside it win.
   */
  @IsOptional()
  @IsUUID()
  fromCompanyId?: string;

  /** The company (法人) of the workplace. */
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  /** 事業主名, e.g. 株式会社みなと物流. Required unless fromCompanyId is given. */
  @ApiPropertyOptional()
  @ValidateIf(unlessFromCompany)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  employerName!: string;

  /** フリガナ; hiragana is stored as katakana. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerNameKana?: string | null;

  /** 事業所名, e.g. 本牧倉庫. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  establishmentName?: string | null;

  /** 市区町村 as the councils list them, e.g. 横浜市. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  municipality?: string | null;

  /** May be omitted when exactly one council lists the municipality. */
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  sectorCode?: string | null;

  @IsOptional()
  @IsUUID()
  targetFederationId?: string | null;

  /** Required unless fromCompanyId is given (then the company's employees, else 0). */
  @ApiPropertyOptional()
  @ValidateIf(unlessFromCompany)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  estimatedWorkers!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => WorkforceDto)
  workforce?: WorkforceDto | null;

  /** Required unless fromCompanyId is given (then corporate_group). */
  @ApiPropertyOptional({ enum: PROSPECT_SOURCES })
  @ValidateIf(unlessFromCompany)
  @IsIn(PROSPECT_SOURCES)
  source!: ProspectSource;

  /** A new prospect starts at identified unless another working stage is named. */
  @ApiPropertyOptional({ enum: INITIAL_STAGES, default: 'identified' })
  @IsOptional()
  @IsIn(INITIAL_STAGES, { message: 'stage must be one of the working stages: $constraint1' })
  stage?: WorkingStage;

  /** Organizers of the prospect's council. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assignedOrganizerIds?: string[];

  @IsOptional()
  @IsCalendarDate({ api: { required: false, nullable: true } })
  nextActionOn?: string | null;
}

/** Every field but the stage, which moves only through /stage, /reopen and /affiliate. */
export class UpdateProspectDto extends PartialType(OmitType(CreateProspectDto, ['stage', 'fromCompanyId'] as const)) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export const PROSPECT_SORTS = [
  'nextActionOn',
  '-nextActionOn',
  'updatedAt',
  '-updatedAt',
  'employerName',
  '-employerName',
  'employerNameKana',
  '-employerNameKana',
] as const;
export type ProspectSort = (typeof PROSPECT_SORTS)[number];

export class ListProspectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @IsOptional()
  @IsUUID()
  assignedOrganizerId?: string;

  @IsOptional()
  @IsUUID()
  targetFederationId?: string;

  /** Next action strictly before this day. */
  @IsOptional()
  @IsCalendarDate({ api: { required: false } })
  nextActionBefore?: string;

  /** Part of the employer name, its フリガナ (hiragana or katakana) or the establishment name. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** A field name, "-" first for descending; default -updatedAt. Next-action dates not set come last. */
  @ApiPropertyOptional({ enum: PROSPECT_SORTS, default: '-updatedAt' })
  @IsOptional()
  @IsIn(PROSPECT_SORTS)
  sort: ProspectSort = '-updatedAt';
}

export class ProspectDto {
  id!: string;
  employerName!: string;
  employerNameKana!: string | null;
  establishmentName!: string | null;
  municipality!: string | null;
  regionalCouncilId!: string;
  sectorCode!: string | null;
  targetFederationId!: string | null;
  estimatedWorkers!: number;
  workforce!: WorkforceDto | null;
  source!: ProspectSource;
  sourceLabel!: string;
  stage!: Stage;
  stageLabel!: string;
  stageChangedAt!: Date;
  /** While on hold: the stage it was paused at. */
  heldFromStage!: WorkingStage | null;
  heldFromStageLabel!: string | null;
  assignedOrganizerIds!: string[];
  nextActionOn!: string | null;
  /** The union founded from this workplace, once affiliated. */
  unionId!: string | null;
  /** The company (法人) of the workplace: its group is shown on 企業グループ. */
  companyId!: string | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: string | null;
  updatedBy!: string | null;
}

export const toProspectDto = (p: Prospect): ProspectDto => ({
  id: p.id,
  employerName: p.employerName,
  employerNameKana: p.employerNameKana,
  establishmentName: p.establishmentName,
  municipality: p.municipality,
  regionalCouncilId: p.regionalCouncilId,
  sectorCode: p.sectorCode,
  targetFederationId: p.targetFederationId,
  estimatedWorkers: p.estimatedWorkers,
  workforce:
    p.workforceRegular === null
      ? null
      : {
          regular: p.workforceRegular,
          partTime: p.workforcePartTime ?? 0,
          fixedTerm: p.workforceFixedTerm ?? 0,
          dispatch: p.workforceDispatch ?? 0,
        },
  source: p.source,
  sourceLabel: labelOf(PROSPECT_SOURCE_LABELS, p.source),
  stage: p.stage,
  stageLabel: labelOf(STAGE_LABELS, p.stage),
  stageChangedAt: p.stageChangedAt,
  heldFromStage: p.heldFromStage,
  heldFromStageLabel: p.heldFromStage ? labelOf(STAGE_LABELS, p.heldFromStage) : null,
  assignedOrganizerIds: p.assignedOrganizerIds,
  nextActionOn: p.nextActionOn,
  unionId: p.unionId,
  companyId: p.companyId,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  createdBy: p.createdBy,
  updatedBy: p.updatedBy,
});
