import { addMonths, formatMonth } from '../format/format';

/**
 * The months to choose from, newest first, as 「2026年4月」 with YYYY-MM values: `from`..`to`,
 * widened to hold `selected` so a value outside the range still shows as itself.
 */
export function monthChoices(from: string, to: string, selected?: string): { value: string; label: string }[] {
  const first = selected && selected < from ? selected : from;
  const last = selected && selected > to ? selected : to;
  const choices: { value: string; label: string }[] = [];
  for (let month = last; month >= first; month = addMonths(month, -1)) choices.push({ value: month, label: formatMonth(month) });
  return choices;
}
