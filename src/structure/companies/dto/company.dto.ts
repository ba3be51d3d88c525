import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { IsCalendarDate } from '../../../platform/common/validation/validators';
import { INDUSTRY_CODES, IndustryCode, UNION_PRESENCES, UnionPresence } from '../company.entity';

const present = (_: object, value: unknown): boolean => value !== undefined;
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
/** Full-width digits and letters of a code typed in Japanese are accepted: ０１２３ → 0123. */
const asciiCode = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.normalize('NFKC').replace(/[\s-]/g, '') : value);

/** The head count the company reports, with the day it refers to and where it was read. */
export class EmployeesDto {
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  count!: number;

  /** The day the figure refers to (YYYY-MM-DD), e.g. the fiscal year end of the 有価証券報告書. */
  @IsCalendarDate()
  asOf!: string;

  /** e.g. 有価証券報告書（2025年3月期）, 会社ウェブサイト. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source!: string;
}

export class CreateCompanyDto {
  /** 法人番号: 13 digits, the first being the check digit (full-width digits accepted). Unique. */
  @ApiPropertyOptional({ type: String, nullable: true, example: '7000012050002' })
  @IsOptional()
  @Transform(asciiCode)
  @Matches(/^[0-9]{13}$/, { message: 'corporateNumber must be 13 digits' })
  corporateNumber?: string | null;

  /** EDINET code, e.g. E02144. Unique. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'E02144' })
  @IsOptional()
  @Transform(asciiCode)
  @Matches(/^E[0-9]{5}$/, { message: 'edinetCode must be E and five digits' })
  edinetCode?: string | null;

  /** e.g. 株式会社湘南モビリティ. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** フリガナ; hiragana is stored as katakana. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameKana?: string | null;

  /** 都道府県 of the head office, e.g. 神奈川県. */
  @IsOptional()
  @IsString()
  @MaxLength(10)
  prefecture?: string | null;

  /** 市区町村 as the councils list them, e.g. 藤沢市. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  municipality?: string | null;

  /** JSIC 大分類 letter. */
  @ApiPropertyOptional({ enum: INDUSTRY_CODES, nullable: true })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industryCode?: IndustryCode | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmployeesDto)
  employees?: EmployeesDto | null;

  /** 上場 or not; unknown when empty. */
  @IsOptional()
  @IsBoolean()
  listed?: boolean | null;

  /**
   * What is known of a union outside the chapter (a union of the company affiliated here
   * makes it 連合加盟 whatever this says): none 未組織, other_union 他労組, unknown 不明 (default).
   */
  @ApiPropertyOptional({ enum: UNION_PRESENCES, default: 'unknown' })
  @ValidateIf(present)
  @IsIn(UNION_PRESENCES)
  unionPresence?: UnionPresence;

  /** The other union's name (and its 上部団体) when unionPresence is other_union. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  otherUnionName?: string | null;
}

/** Only the fields sent change. */
export class UpdateCompanyDto extends PartialType(CreateCompanyDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ListCompaniesQuery extends PageQuery {
  /** Part of the name or フリガナ (compared normalised), or a whole 法人番号 or EDINET code. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** The exact name after normalising (NFKC, 株式会社/(株)/㈱ folded): how imports and people match a company. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'e.g. 神奈川県' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  prefecture?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_CODES })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industryCode?: IndustryCode;

  /** true: a union of the company is affiliated here, or another union is known; false: neither. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasUnion?: boolean;
}

export const COMPANY_STATUSES = ['affiliated', 'other_union', 'unorganized', 'unknown'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export class CompanyDto {
  id!: string;
  corporateNumber!: string | null;
  edinetCode!: string | null;
  name!: string;
  nameKana!: string | null;
  /** The name as matched (NFKC, legal form folded, no spaces). */
  nameNormalized!: string;
  prefecture!: string | null;
  municipality!: string | null;
  @ApiProperty({ enum: INDUSTRY_CODES, nullable: true })
  industryCode!: IndustryCode | null;
  industryLabel!: string | null;
  employees!: EmployeesDto | null;
  listed!: boolean | null;
  @ApiProperty({ enum: UNION_PRESENCES })
  unionPresence!: UnionPresence;
  otherUnionName!: string | null;
  /** 連合加盟 (a union of it affiliated here), 他労組, 未組織 or 不明: see docs/company-groups.md. */
  @ApiProperty({ enum: COMPANY_STATUSES })
  status!: CompanyStatus;
  statusLabel!: string;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
