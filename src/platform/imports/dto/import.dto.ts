import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IMPORT_KIND_NAMES, type ImportKindName } from '../import-kinds';

export const IMPORT_STATES = ['queued', 'checking', 'checked', 'rejected', 'committing', 'committed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export class ImportErrorDto {
  /** The row number Excel shows (the header is row 1). */
  row!: number;
  /** The column's header (empty for a problem of the whole file). */
  column!: string;
  value!: string;
  /** What is wrong as a stable name (HEADER_MISSING, CODE_UNKNOWN, DELTA_ZERO, ...): it stays when the wording changes. */
  @ApiProperty({ example: 'CODE_UNKNOWN', pattern: '^[A-Z][A-Z0-9_]*$' })
  code!: string;
  /** What is wrong, in Japanese. */
  message!: string;
}

export class ImportDto {
  id!: string;
  @ApiProperty({ enum: IMPORT_KIND_NAMES })
  kind!: ImportKindName;
  fileName!: string;
  sha256!: string;
  @ApiProperty({ enum: IMPORT_STATES })
  state!: ImportState;
  /** 0-100 while checking. */
  progress!: number;
  rowsRead!: number;
  rowsValid!: number;
  /** Every problem found; `errors` keeps the first 1,000. */
  errorCount!: number;
  @ApiProperty({ type: [ImportErrorDto] })
  errors!: ImportErrorDto[];
  /**
   * What the file holds once checked (rows, unions, increase, decrease, net; or surveys and members; rows for unions and
   * prospects), and once committed the ledger rows written (ledgerRows) or the unions or prospects created (created).
   */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true })
  summary!: Record<string, number> | null;
  /** Why a commit failed (nothing was written). */
  @ApiProperty({ type: String, nullable: true })
  failure!: string | null;
  createdAt!: string;
  createdBy!: string;
  @ApiProperty({ type: String, nullable: true })
  committedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  reversedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  reversalReason!: string | null;
}

export class ImportAcceptedDto {
  id!: string;
  @ApiProperty({ enum: IMPORT_STATES })
  state!: ImportState;
}

export class ListImportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_KIND_NAMES })
  @IsOptional()
  @IsIn(IMPORT_KIND_NAMES)
  kind?: ImportKindName;

  @ApiPropertyOptional({ enum: IMPORT_STATES })
  @IsOptional()
  @IsIn(IMPORT_STATES)
  state?: ImportState;
}

export class ReverseImportDto {
  /** Why the whole file is taken back (kept on every reversing entry). */
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}
