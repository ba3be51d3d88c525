/** The day's follow-ups as 今日 lists them. Pure functions. */

import { compareCodes, compareReadings } from '../../platform/format/format';

export interface DueItem {
  id: string;
  employerName: string;
  employerNameKana: string | null;
  nextActionOn: string | null;
}

/** Oldest due first (the longest waiting), then by reading, then by id: the same order every time. */
export function oldestFirst<T extends DueItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      compareCodes(a.nextActionOn ?? '9999-12-31', b.nextActionOn ?? '9999-12-31') ||
      compareReadings(a.employerNameKana ?? a.employerName, b.employerNameKana ?? b.employerName) ||
      compareCodes(a.id, b.id),
  );
}

/** 「本日」 or 「3日超過」. */
export function dueLabel(daysOverdue: number): string {
  return daysOverdue <= 0 ? '本日' : `${daysOverdue}日超過`;
}
