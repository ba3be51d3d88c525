/**
 * The LIKE / ILIKE pattern that finds `text` anywhere in a value (a search box's `q`),
 * with `%`, `_` and `\` taken as the characters they are: a name may hold them, and
 * unescaped they would match anything. Backslash is PostgreSQL's default LIKE escape.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
