/**
 * How companies are recognised: the 法人番号 with its check digit (as the National Tax
 * Agency defines it), the EDINET code, and the name as matched.
 */

/** Full-width digits and letters made ASCII, spaces and hyphens dropped: ０１２３ → 0123. */
export const normalizeCode = (value: string): string => value.normalize('NFKC').replace(/[\s\-‐－ー]/g, '');

/**
 * The 法人番号's check digit: the first of its 13 digits equals
 * 9 − (Σ Pn × Qn mod 9) over the other 12, where Pn is the n-th digit counted from the
 * right and Qn is 1 for odd n and 2 for even n (国税庁「法人番号の指定」, check digit).
 */
export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Whether a (normalised) string is a 法人番号: 13 digits whose first is the check digit of the rest. */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}

/** An EDINET code: E and five digits, e.g. E02144. */
export const isEdinetCode = (value: string): boolean => /^E[0-9]{5}$/.test(value);

/** The legal-form words folded away before names are compared. */
const LEGAL_FORMS = /株式会社|\(株\)|有限会社|\(有\)|合同会社|\(同\)/g;

/**
 * A company's name as matched: NFKC (so ㈱ becomes (株) and full-width letters ASCII),
 * 株式会社/(株) (and 有限会社/(有), 合同会社/(同)) removed wherever they stand, spaces
 * removed, Latin letters lower-cased. Two names match when these are equal: never a
 * fuzzy guess.
 */
export function normalizeCompanyName(value: string): string {
  return value.normalize('NFKC').replace(/（/g, '(').replace(/）/g, ')').replace(LEGAL_FORMS, '').replace(/\s+/g, '').toLowerCase();
}
