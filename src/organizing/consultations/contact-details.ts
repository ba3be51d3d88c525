/**
 * Consultations keep no way to reach the worker. Free text is checked for the contact
 * details a form would otherwise leak (e-mail addresses, phone numbers, postal codes);
 * names cannot be told apart from company or place names by a rule, so the API simply
 * has no field for them.
 */
const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/, 'an e-mail address'],
  [/(\+81|\b0)\d{1,4}[-\s(]?\d{1,4}[-\s)]?\d{3,4}\b/, 'a phone number'],
  [/〒\s*\d{3}-?\d{4}|\b\d{3}-\d{4}\b/, 'a postal code'],
];

/** What kind of contact detail the text holds, or null. Full-width digits count too. */
export function contactDetailIn(text: string): string | null {
  const normalized = text.normalize('NFKC').replace(/[ー－—―‐]/g, '-');
  for (const [pattern, what] of PATTERNS) if (pattern.test(normalized)) return what;
  return null;
}
