import type { ChangeBody } from './queries';

/** A ledger entry as the form edits it: the count as typed. */
export interface ChangeValues {
  effectiveOn: string;
  delta: string;
  cause: ChangeBody['cause'];
  employmentType: ChangeBody['employmentType'];
  gender: ChangeBody['gender'];
  note: string;
}

/** A new entry: today, a new hire, regular, gender not given. */
export const newChange = (today: string): ChangeValues => ({
  effectiveOn: today,
  delta: '',
  cause: 'new_hire',
  employmentType: 'regular',
  gender: 'unspecified',
  note: '',
});

/** After an entry is recorded, the next one keeps its day and kinds; the count and the note are cleared. */
export const nextChange = (recorded: ChangeValues): ChangeValues => ({ ...recorded, delta: '', note: '' });

/** What the API is sent (it checks the count and its sign against the cause). */
export function changeBody(values: ChangeValues, unionId: string): ChangeBody {
  const { effectiveOn, delta, cause, employmentType, gender, note } = values;
  return { unionId, effectiveOn, delta: Number(delta), cause, employmentType, gender, ...(note ? { note } : {}) };
}
