/**
 * Month arithmetic on `YYYY-MM` strings (Japan calendar months), pure. A month's
 * figures are its month-end figures; members at a month end are the running sum
 * of net changes over every month up to it.
 */

/** Months since year 0: comparable and subtractable. */
export function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return year * 12 + (m - 1);
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export const addMonths = (month: string, n: number): string => monthFromIndex(monthIndex(month) + n);

/** How many months `to` is after `from` (negative when before). */
export const monthsBetween = (from: string, to: string): number => monthIndex(to) - monthIndex(from);

/** The month of a calendar day YYYY-MM-DD. */
export const monthOfDate = (date: string): string => date.slice(0, 7);

/** Every month from `from` to `to`, both included (empty when from > to). */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthFromIndex(i));
  return months;
}

/** YYYY-MM-01, the form months take in the rollup tables. */
export const firstDayOf = (month: string): string => `${month}-01`;

export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * The fiscal year (年度) a month belongs to: the calendar year in which it started.
 * With April as the first month, 2027-03 belongs to fiscal year 2026.
 */
export function fiscalYearOf(month: string, startMonth: number): number {
  const [year, m] = month.split('-').map(Number);
  return m >= startMonth ? year : year - 1;
}

/** The twelve months of a fiscal year, in order. */
export function fiscalYearMonths(fiscalYear: number, startMonth: number): string[] {
  const first = monthFromIndex(fiscalYear * 12 + (startMonth - 1));
  return monthRange(first, addMonths(first, 11));
}
