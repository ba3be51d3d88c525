import { EntityManager } from 'typeorm';
import { Sql, query, sql } from '../../platform/database/sql';
import { uuidV7Batch } from '../../platform/common/uuid-v7';
import type { Cause, EmploymentType, Gender } from '../vocabulary';

export type LedgerSource = 'api' | 'bulk' | 'survey' | 'affiliation' | 'reversal' | 'demo' | 'import';

/** Rows per INSERT statement: bounds the size of one statement's arrays. */
const CHUNK = 20_000;

export interface LedgerEntry {
  unionId: string;
  effectiveOn: string;
  delta: number;
  cause: Cause;
  employmentType: EmploymentType;
  gender?: Gender;
  note?: string | null;
  reversalOf?: string | null;
  surveyId?: string | null;
  /** The spreadsheet import that wrote this entry (imports/). */
  importId?: string | null;
}

/**
 * The one way rows enter the ledger: with their outbox rows, in the caller's transaction.
 * Returns the new ids in the order of `entries`. The ids are made here (time-ordered
 * UUIDs, so the keys grow at their right edge), which spares the ledger a RETURNING
 * round trip; the rows travel as one array per column (unnest), which PostgreSQL parses
 * far faster than thousands of bound parameters (a multi-row VALUES list), and keeps a
 * statement at a dozen parameters however many rows it carries.
 */
export async function appendToLedger(manager: EntityManager, entries: LedgerEntry[], source: LedgerSource, recordedBy: string | null): Promise<string[]> {
  const ids = uuidV7Batch(entries.length);
  for (let start = 0; start < entries.length; start += CHUNK) {
    await query(manager, insertChunk(ids.slice(start, start + CHUNK), entries.slice(start, start + CHUNK), source, recordedBy));
  }
  return ids;
}

/**
 * One statement for a chunk's ledger rows and their outbox rows. The outbox takes the ids the
 * insert returns inside the statement (nothing comes back to the client), so the id array is
 * sent once: each value in a `sql` template is a parameter of its own.
 */
function insertChunk(ids: string[], chunk: LedgerEntry[], source: LedgerSource, recordedBy: string | null): Sql {
  return sql`
    WITH inserted AS (
      INSERT INTO membership_changes
        (id, union_id, effective_on, delta, cause, employment_type, gender, note, reversal_of, survey_id, import_id, source, recorded_by)
      SELECT t.id, t.union_id, t.effective_on, t.delta, t.cause, t.employment_type, t.gender, t.note, t.reversal_of, t.survey_id, t.import_id,
             ${source}, ${recordedBy}::uuid
      FROM unnest(
        ${ids}::uuid[],
        ${chunk.map((e) => e.unionId)}::uuid[],
        ${chunk.map((e) => e.effectiveOn)}::date[],
        ${chunk.map((e) => e.delta)}::int[],
        ${chunk.map((e) => e.cause)}::text[],
        ${chunk.map((e) => e.employmentType)}::text[],
        ${chunk.map((e) => e.gender ?? 'unspecified')}::text[],
        ${chunk.map((e) => e.note ?? null)}::text[],
        ${chunk.map((e) => e.reversalOf ?? null)}::uuid[],
        ${chunk.map((e) => e.surveyId ?? null)}::uuid[],
        ${chunk.map((e) => e.importId ?? null)}::uuid[]
      ) AS t(id, union_id, effective_on, delta, cause, employment_type, gender, note, reversal_of, survey_id, import_id)
      RETURNING id
    )
    INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted`;
}
