import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { COMPANY_STATUSES, CompanyDto, type CompanyStatus } from '../../../structure/companies/dto/company.dto';
import { CONFIDENCES, type Confidence, RELATION_KINDS, type RelationKind } from '../../../structure/companies/company-relation.entity';
import { STAGES, type Stage } from '../../prospects/stage-rules';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CompanyGroupQuery {
  /** The prefecture whose unorganized companies `totals.unorganizedInPrefecture` counts; 神奈川県 when omitted. */
  @ApiPropertyOptional({ default: '神奈川県' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10)
  prefecture?: string;
}

export class ListCompanyGroupsQuery extends PageQuery {
  /** Groups where a union of some company is affiliated here (true) or none is (false). */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasAffiliatedUnion?: boolean;

  /** Groups with an unorganized company (in `prefecture` when it is given). */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasUnorganized?: boolean;

  /** Groups with a company in this prefecture (e.g. 神奈川県); it is also the prefecture of unorganizedInPrefecture (default 神奈川県). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10)
  prefecture?: string;

  /** Part of a group company's name or フリガナ, or its whole 法人番号 or EDINET code. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

/** The relation that places a company under its parent in the tree. */
export class GroupRelationDto {
  id!: string;
  @ApiProperty({ enum: RELATION_KINDS })
  kind!: RelationKind;
  kindLabel!: string;
  votingShare!: number | null;
  startOn!: string | null;
  endOn!: string | null;
  source!: string | null;
  @ApiProperty({ enum: CONFIDENCES })
  confidence!: Confidence;
}

export class GroupUnionDto {
  id!: string;
  name!: string;
  federationId!: string | null;
  federationName!: string | null;
  /** Members now, from the ledger: the same figure as GET /unions/:id's currentMembers. */
  members!: number;
}

/** The company's prospect (the open one, else the newest), when the caller may see it. */
export class GroupProspectDto {
  id!: string;
  @ApiProperty({ enum: STAGES })
  stage!: Stage;
  stageLabel!: string;
  /** The newest visit's day; null when none, and for federation users (who read no visits). */
  lastVisitOn!: string | null;
  nextActionOn!: string | null;
}

export class CompanyGroupNodeDto {
  company!: CompanyDto;
  /** null for the group's ultimate parent. */
  relation!: GroupRelationDto | null;
  /** 0 for the ultimate parent. */
  depth!: number;
  /** Its active unions affiliated here. */
  unions!: GroupUnionDto[];
  prospect!: GroupProspectDto | null;
  /** The company's employees (null when unknown). */
  employees!: number | null;
  /** The sum of its unions' members. */
  organizedMembers!: number;
  /** organizedMembers / employees, 0-1 (null when employees is unknown or 0). */
  organizationRate!: number | null;
  @ApiProperty({ enum: COMPANY_STATUSES })
  status!: CompanyStatus;
  statusLabel!: string;
  @ApiProperty({ type: () => [CompanyGroupNodeDto] })
  children!: CompanyGroupNodeDto[];
}

export class GroupTotalsDto {
  companies!: number;
  /** The sum of the employees of the companies whose employees are known. */
  employees!: number;
  organizedMembers!: number;
  /** Organized members / employees over the companies whose employees are known (null when none is). */
  organizationRate!: number | null;
  unorganizedCompanies!: number;
  /** Unorganized companies in the prefecture asked for (神奈川県 by default). */
  unorganizedInPrefecture!: number;
  /** The companies' prospects (one per company, as shown) by stage, as far as the caller may see them. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { identified: 2, contacted: 1 } })
  prospectsByStage!: Record<string, number>;
}

export class CompanyGroupDto {
  /** The company asked for. */
  companyId!: string;
  /** The prefecture of totals.unorganizedInPrefecture. */
  prefecture!: string;
  /** The tree from the group's ultimate parent down. */
  root!: CompanyGroupNodeDto;
  totals!: GroupTotalsDto;
}

/** A group in the target list: its ultimate parent and its totals. */
export class CompanyGroupSummaryDto {
  company!: CompanyDto;
  hasAffiliatedUnion!: boolean;
  hasUnorganized!: boolean;
  totals!: GroupTotalsDto;
}
