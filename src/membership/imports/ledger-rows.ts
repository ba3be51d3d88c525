import type { PoolClient } from 'pg';
import { CodeList } from '../../platform/imports/reading/cell-values';
import type { Staging } from '../../platform/imports/import-kinds';
import type { ImportColumn } from '../../platform/imports/staging/import-columns';
import type { Cells } from '../../platform/imports/staging/row-checks';
import { EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_LABELS, GENDERS, GENDER_LABELS } from '../vocabulary';
import { StagingCopy } from './staging-copy';
import { UnionDirectory } from './union-directory';

/** A good row of a ledger kind in the ledger's words, as it waits in import_rows. */
export interface StagedRow {
  rowNumber: number;
  unionId: string;
  effectiveOn: string;
  delta: number | null;
  members: number | null;
  cause: string | null;
  employmentType: string;
  gender: string;
  note: string | null;
}

export const employmentTypes = new CodeList('雇用形態', EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES);
export const genders = new CodeList('性別', GENDER_LABELS, GENDERS);

/** The union of a ledger row: by code or by name (the header must name one of them). */
export const UNION_COLUMNS: ImportColumn[] = [
  { field: 'unionCode', header: '組合コード', required: false, example: 'U-0001', help: '組合コードまたは組合名のどちらかを入力します' },
  { field: 'unionName', header: '組合名', required: false, example: '', help: '組合名は登録されている名称と完全に一致させてください' },
];
export const UNION_FIELDS = ['unionCode', 'unionName'] as const;

/** The union a row names, in the caller's scope; a problem under the column that named it otherwise. */
export function unionOf(cells: Cells, directory: UnionDirectory): string | null {
  const found = directory.resolve(cells.values.unionCode, cells.values.unionName);
  if (found.ok) return found.value;
  cells.problem(found.column, found.value, found.code, found.message);
  return null;
}

/** The ledger's kinds stage their good rows in import_rows, through COPY. */
export const ledgerStaging = (client: PoolClient, importId: string): Staging<StagedRow> => StagingCopy.open(client, importId);
