import type { Scope } from '../common/auth/scope';
import { Sql, sql } from '../database/sql';
import type { ImportKindName } from './import-kinds';
import type { ImportDto, ImportErrorDto, ImportState } from './dto/import.dto';

/** An imports row as read for the API. */
export interface ImportRow {
  id: string;
  kind: ImportKindName;
  file_name: string;
  sha256: string;
  state: ImportState;
  progress: number;
  rows_read: number;
  rows_valid: number;
  error_count: number;
  errors: ImportErrorDto[];
  summary: Record<string, number> | null;
  failure: string | null;
  created_at: Date;
  created_by: string;
  committed_at: Date | null;
  reversed_at: Date | null;
  reversal_reason: string | null;
  scope_federation_id: string | null;
  scope_regional_council_id: string | null;
}

export const IMPORT_COLUMNS = sql`i.id, i.kind, i.file_name, i.sha256, i.state, i.progress, i.rows_read, i.rows_valid, i.error_count, i.errors,
  i.summary, i.failure, i.created_at, i.created_by, i.committed_at, i.reversed_at, i.reversal_reason, i.scope_federation_id,
  i.scope_regional_council_id`;

/**
 * Whose imports a caller sees: everything for admins and leadership, a federation's own for
 * its officers, a council's own for its staff (an import belongs to the scope of the one who
 * uploaded it).
 */
export function importScope(scope: Scope): Sql {
  switch (scope.kind) {
    case 'all':
      return sql`TRUE`;
    case 'federation':
      return sql`i.scope_federation_id = ${scope.federationId}::uuid`;
    case 'council':
      return sql`i.scope_regional_council_id = ${scope.regionalCouncilId}::uuid`;
  }
}

export const toImportDto = (row: ImportRow): ImportDto => ({
  id: row.id,
  kind: row.kind,
  fileName: row.file_name,
  sha256: row.sha256,
  state: row.state,
  progress: row.progress,
  rowsRead: row.rows_read,
  rowsValid: row.rows_valid,
  errorCount: row.error_count,
  errors: row.errors,
  summary: row.summary,
  failure: row.failure,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  committedAt: row.committed_at?.toISOString() ?? null,
  reversedAt: row.reversed_at?.toISOString() ?? null,
  reversalReason: row.reversal_reason,
});
