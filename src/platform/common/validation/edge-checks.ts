import { PlatformErrorCode } from '../../error-codes';
import type { FieldProblem } from '../errors/domain-error';

const NUL = '\u0000';
/** Deeper than any DTO nests (a bulk item is at 3); class-transformer overflows the call stack near 2,600. */
export const MAX_NESTING = 32;

const childPath = (parent: string, key: string | number): string => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * The first problem of a parsed body, query or parameter that no rule of a DTO would name
 * before it hurt: a NUL character in a string or a key (PostgreSQL cannot store it in
 * text), or objects and arrays nested deeper than MAX_NESTING. Its field is the path
 * (`items[17].note`, `q`). Walks with a stack of its own, in document order.
 */
export function edgeProblem(value: unknown, path = ''): FieldProblem | undefined {
  const pending: [unknown, string, number][] = [[value, path, 0]];
  while (pending.length > 0) {
    const [current, at, depth] = pending.pop() as [unknown, string, number];
    if (typeof current === 'string') {
      if (current.includes(NUL)) return { field: at, code: PlatformErrorCode.NUL_CHARACTER, message: 'must not contain the NUL character (U+0000)' };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_NESTING) return { field: at, code: PlatformErrorCode.TOO_DEEP, message: `is nested more than ${MAX_NESTING} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, i) => [i, item]) : Object.entries(current);
    for (const [key] of entries)
      if (typeof key === 'string' && key.includes(NUL))
        return { field: childPath(at, key), code: PlatformErrorCode.NUL_CHARACTER, message: 'must not contain the NUL character (U+0000)' };
    for (let i = entries.length - 1; i >= 0; i--) pending.push([entries[i][1], childPath(at, entries[i][0]), depth + 1]);
  }
  return undefined;
}
