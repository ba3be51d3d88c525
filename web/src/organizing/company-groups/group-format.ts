import { formatPercent, formatShare } from '../../platform/format/format';
import type { CompanyStatus } from './model';

/** The badge's colour by status (light badges with black text: 4.5:1 whatever the colour). */
export const STATUS_COLORS: Record<CompanyStatus, string> = {
  affiliated: 'teal',
  other_union: 'blue',
  unorganized: 'orange',
  unknown: 'gray',
};

/** The organization rate (members / employees, a fraction): 「21.7%」, or 「-」 when the employees are not known. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '-' : formatShare(rate);
}

/** A voting share given in percent (0-100): 「60.0%」; nothing when not known. */
export function votingShareText(share: number | null | undefined): string {
  return share === null || share === undefined ? '' : formatPercent(share);
}

/** What the search box was given, as the API's `q`: full-width digits and letters made half-width, hyphens and spaces out of a 法人番号. */
export function searchTerm(input: string): string {
  const text = input.normalize('NFKC').trim();
  const digits = text.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) ? digits : text;
}
