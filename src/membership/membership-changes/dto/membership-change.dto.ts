import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { labelOf } from '../../../platform/labels/labels';
import { CAUSE_LABELS } from '../../vocabulary';
import { sql } from '../../../platform/database/sql';
import { CAUSES, Cause, EMPLOYMENT_TYPES, EmploymentType, GENDERS, Gender } from '../../vocabulary';

/** A ledger entry as the API shows it. */
export class MembershipChangeDto {
  id!: string;
  unionId!: string;
  @ApiProperty({ format: 'date' })
  effectiveOn!: string;
  delta!: number;
  @ApiProperty({ enum: CAUSES })
  cause!: Cause;
  /** Japanese label of the cause, e.g. 自己都合退職. */
  causeLabel!: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  employmentType!: EmploymentType;
  @ApiProperty({ enum: GENDERS })
  gender!: Gender;
  note!: string | null;
  /** The entry this one reverses. */
  reversalOf!: string | null;
  /** The entry that reverses this one. */
  reversedBy!: string | null;
  /** api, bulk, survey, affiliation, reversal, demo or import. */
  source!: string;
  @ApiPropertyOptional({ description: 'The survey that wrote this adjustment' })
  surveyId!: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  recordedBy!: string | null;
}

/** Columns to select for toMembershipChangeDto; `c` is membership_changes, `r` its reversal (LEFT JOIN). */
export const CHANGE_COLUMNS = sql`c.id, c.union_id, c.effective_on::text AS effective_on, c.delta, c.cause, c.employment_type,
  c.gender, c.note, c.reversal_of, r.id AS reversed_by, c.source, c.survey_id, c.recorded_at, c.recorded_by`;

export interface ChangeRow {
  id: string;
  union_id: string;
  effective_on: string;
  delta: number;
  cause: Cause;
  employment_type: EmploymentType;
  gender: Gender;
  note: string | null;
  reversal_of: string | null;
  reversed_by: string | null;
  source: string;
  survey_id: string | null;
  recorded_at: Date;
  recorded_by: string | null;
}

export const toMembershipChangeDto = (row: ChangeRow): MembershipChangeDto => ({
  id: row.id,
  unionId: row.union_id,
  effectiveOn: row.effective_on,
  delta: row.delta,
  cause: row.cause,
  causeLabel: labelOf(CAUSE_LABELS, row.cause),
  employmentType: row.employment_type,
  gender: row.gender,
  note: row.note,
  reversalOf: row.reversal_of,
  reversedBy: row.reversed_by,
  source: row.source,
  surveyId: row.survey_id,
  recordedAt: row.recorded_at.toISOString(),
  recordedBy: row.recorded_by,
});

/** Answer of POST /membership-changes/bulk. */
export class BulkResultDto {
  /** Entries written. */
  count!: number;
  /** Their ids, in the order of the request's items. */
  ids!: string[];
}
