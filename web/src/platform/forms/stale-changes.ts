/**
 * A stale `version` (409): someone saved the record while the person was editing it. These
 * name what they changed, between the version the person started from and the current one,
 * by the names the form shows, so the screen can say it in words.
 */

/** The fields (of those the form edits, in its order) whose values differ. */
export function changedFields<F extends string>(
  names: Readonly<Record<F, string>>,
  base: Readonly<Record<NoInfer<F>, unknown>>,
  current: Readonly<Record<NoInfer<F>, unknown>>,
): F[] {
  return (Object.keys(names) as F[]).filter((field) => JSON.stringify(base[field]) !== JSON.stringify(current[field]));
}

/** One line of the notice: a field's name and how it reads now. */
export interface ChangedField {
  label: string;
  current: string;
}

/** The notice's lines, each field's current value said by `show`. */
export function describeChanges<F extends string>(names: Readonly<Record<F, string>>, changed: readonly F[], show: (field: F) => string): ChangedField[] {
  return changed.map((field) => ({ label: names[field], current: show(field) }));
}

/**
 * The form after a stale save, on the current version: what the person edited stays as
 * they typed it, and every field they left alone takes its current value (so saving again
 * does not undo someone else's change without the person having touched it).
 */
export function keepEdits<T extends object>(mine: T, base: T, current: T): T {
  const merged = { ...mine };
  for (const field of Object.keys(mine) as (keyof T)[]) {
    if (JSON.stringify(mine[field]) === JSON.stringify(base[field])) merged[field] = current[field];
  }
  return merged;
}
