import { ApiError } from '../api/errors';
import { changedFields, describeChanges, keepEdits, type ChangedField } from './stale-changes';

/**
 * The one stale-save flow (a 409 STALE_VERSION): someone saved the record while the person
 * was editing it. The form reloads the record, says what the other person changed, and keeps
 * what this person typed; every field they left alone takes its current value.
 */
export interface StaleSave<V, T, F extends string> {
  /** The record as the person started editing it; none for a new one (nothing can be stale). */
  record: T | undefined;
  /** The record as it is now. */
  reload: (record: T) => Promise<T>;
  /** The form's values for a record. */
  valuesOf: (record: T) => V;
  /** The fields compared, in the form's order, with the names the form shows. */
  fields: Readonly<Record<F, string>>;
  /** A record's value of each compared field. */
  compared: (record: T) => Readonly<Record<NoInfer<F>, unknown>>;
  /** How a field of the current record reads in the notice. */
  inWords: (record: T, field: NoInfer<F>) => string;
}

/** True when a save was refused because the record had moved on (someone else saved first). */
export function isStaleSave(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.body.code === 'STALE_VERSION';
}

/** What the form becomes after a stale save: the values to show and the notice's lines. */
export interface StaleOutcome<V> {
  values: V;
  changes: ChangedField[];
}

/** The form after a stale save, from what the person typed, the version they started from, and the current one. */
export function staleOutcome<V extends object, T, F extends string>(
  flow: Omit<StaleSave<V, T, F>, 'record' | 'reload'>,
  mine: V,
  base: T,
  current: T,
): StaleOutcome<V> {
  const changed = changedFields(flow.fields, flow.compared(base), flow.compared(current));
  return {
    values: keepEdits(mine, flow.valuesOf(base), flow.valuesOf(current)),
    changes: describeChanges(flow.fields, changed, (field) => flow.inWords(current, field)),
  };
}
