import { CAUSES, Cause, DECREASE_CAUSES, INCREASE_CAUSES } from '../vocabulary';

/** Causes a client may post; `survey_adjustment` is written only by the annual survey. */
export type ClientCause = Exclude<Cause, 'survey_adjustment'>;
export const CLIENT_CAUSES: readonly ClientCause[] = CAUSES.filter((c): c is ClientCause => c !== 'survey_adjustment');

/**
 * Largest |delta| of one entry (also a CHECK in the database): a typo with extra digits
 * is refused, and an aggregation batch of 5,000 rows stays inside 32-bit sums. A larger
 * movement (a merger) is entered as several entries.
 */
export const MAX_ABS_DELTA = 100_000;

export const isIncreaseCause = (cause: string): boolean => (INCREASE_CAUSES as readonly string[]).includes(cause);
export const isDecreaseCause = (cause: string): boolean => (DECREASE_CAUSES as readonly string[]).includes(cause);

/**
 * The sign rule of a client entry: an increase cause carries a positive delta, a
 * decrease cause a negative one. Returns what is wrong with `delta`, or null when it
 * fits (or when the cause itself is invalid, which is reported on `cause`).
 */
export function deltaSignProblem(cause: unknown, delta: unknown): string | null {
  if (typeof cause !== 'string' || typeof delta !== 'number' || delta === 0) return null;
  if (isIncreaseCause(cause) && delta < 0) return `delta must be positive for the increase cause ${cause}`;
  if (isDecreaseCause(cause) && delta > 0) return `delta must be negative for the decrease cause ${cause}`;
  return null;
}

export const CAUSE_MESSAGE = `cause must be one of: ${CLIENT_CAUSES.join(', ')} (survey_adjustment is written by POST /membership-surveys)`;
