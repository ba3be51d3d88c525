import { MAX_NESTING, edgeProblem } from './edge-checks';

const nestedIn = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: inner }), 'x');

describe('edgeProblem', () => {
  it('names the first string or key holding NUL by its path', () => {
    const nul = 'must not contain the NUL character (U+0000)';
    const code = 'NUL_CHARACTER';
    expect(edgeProblem({ items: [{ note: 'ok' }, { note: 'a\u0000' }], name: '\u0000' })).toEqual({ field: 'items[1].note', code, message: nul });
    expect(edgeProblem({ 'a\u0000b': 1 })).toEqual({ field: 'a\u0000b', code, message: nul });
    expect(edgeProblem('a\u0000b', 'q')).toEqual({ field: 'q', code, message: nul });
  });

  it('passes what a form sends: text with tabs and line breaks, numbers, null, nesting as deep as a DTO', () => {
    expect(edgeProblem({ items: [{ note: '一行目\n\t二行目', delta: -3, gender: null }], ok: true })).toBeUndefined();
    expect(edgeProblem(nestedIn(MAX_NESTING))).toBeUndefined();
    expect(edgeProblem(undefined)).toBeUndefined();
  });

  it('names where a value nests deeper than MAX_NESTING, however deep it goes', () => {
    expect(edgeProblem(nestedIn(MAX_NESTING + 1))?.field).toBe(Array(MAX_NESTING).fill('a').join('.'));
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(edgeProblem(deep, 'code')?.message).toBe(`is nested more than ${MAX_NESTING} levels deep`);
    expect(edgeProblem(deep, 'code')?.code).toBe('TOO_DEEP');
  });
});
