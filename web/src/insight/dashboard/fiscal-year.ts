import { addMonths, fiscalYearOf, formatFiscalYear, formatMonth } from '../../platform/format/format';

/** The fiscal year starts in April (年度): 2026年度 is 2026-04..2027-03. */
const START_MONTH = 4;

export interface MonthRange {
  from: string;
  to: string;
}

/** The twelve months of a fiscal year. */
export function fiscalYearRange(year: number): MonthRange {
  const from = `${year}-${String(START_MONTH).padStart(2, '0')}`;
  return { from, to: addMonths(from, 11) };
}

/** The fiscal year of a month (YYYY-MM). */
export function fiscalYearOfMonth(month: string): number {
  return fiscalYearOf(month, START_MONTH);
}

/** The months of a fiscal year that have begun by `currentMonth`: the period the reports cover. */
export function reportedMonths(year: number, currentMonth: string): MonthRange {
  const { from, to } = fiscalYearRange(year);
  return { from, to: to < currentMonth ? to : currentMonth < from ? from : currentMonth };
}

/** The fiscal years to choose from, newest first: the current one and `count - 1` before it. */
export function fiscalYearChoices(currentMonth: string, count = 6): { value: string; label: string }[] {
  const current = fiscalYearOfMonth(currentMonth);
  return Array.from({ length: count }, (_, i) => current - i).map((year) => ({ value: String(year), label: formatFiscalYear(year) }));
}

/** 「2026年4月〜2026年11月」 */
export function formatRange({ from, to }: MonthRange): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)}〜${formatMonth(to)}`;
}
