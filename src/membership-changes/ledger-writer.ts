import { EntityManager } from 'typeorm';

export const INCREASE_CAUSES = ['new_hire', 'new_organizing', 'non_regular_enrollment', 'transfer_in', 'merger_in', 'other_increase'] as const;
export const DECREASE_CAUSES = [
  'retirement',
  'resignation',
  'promotion_to_management',
  'restructuring',
  'contract_end',
  'transfer_out',
  'dissolution',
  'withdrawal',
  'death',
  'other_decrease',
] as const;
export const CAUSES = [...INCREASE_CAUSES, ...DECREASE_CAUSES, 'survey_adjustment'] as const;
export type Cause = (typeof CAUSES)[number];

export const EMPLOYMENT_TYPES = ['regular', 'part_time', 'fixed_term', 'dispatch', 'other'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const GENDERS = ['female', 'male', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];
export type LedgerSource = 'api' | 'bulk' | 'survey' | 'affiliation' | 'reversal' | 'demo' | 'import';

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
}

/** The one way rows enter the ledger: with their outbox rows, in the caller's transaction. */
export async function appendToLedger(
  manager: EntityManager,
  entries: LedgerEntry[],
  source: LedgerSource,
  recordedBy: string | null,
): Promise<string[]> {
  const ids: string[] = [];
  // 11 parameters per row; stay far below PostgreSQL's 65,535 per statement
  for (let start = 0; start < entries.length; start += 4000) {
    const chunk = entries.slice(start, start + 4000);
    const params: unknown[] = [];
    const values = chunk.map((e) => {
      params.push(
        e.unionId,
        e.effectiveOn,
        e.delta,
        e.cause,
        e.employmentType,
        e.gender ?? 'unspecified',
        e.note ?? null,
        e.reversalOf ?? null,
        e.surveyId ?? null,
        source,
        recordedBy,
      );
      const n = params.length;
      return `($${n - 10}::uuid, $${n - 9}::date, $${n - 8}::int, $${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}::uuid, $${n - 2}::uuid, $${n - 1}, $${n}::uuid)`;
    });
    const rows: { id: string }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO membership_changes
           (union_id, effective_on, delta, cause, employment_type, gender, note, reversal_of, survey_id, source, recorded_by)
         VALUES ${values.join(', ')}
         RETURNING id, seq
       ), queued AS (
         INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted
       )
       SELECT id FROM inserted ORDER BY seq`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
