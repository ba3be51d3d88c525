import { ERROR_CODES, ERROR_CODE_LISTS } from './app.error-codes';

describe('the error codes of every area', () => {
  it('name each code once, in one area, spelled as its key, UPPER_SNAKE', () => {
    const all = Object.values(ERROR_CODE_LISTS).flatMap((codes) => Object.entries(codes));
    for (const [key, code] of all) expect(code).toBe(key);
    for (const [, code] of all) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(new Set(all.map(([, code]) => code)).size).toBe(all.length);
    expect(ERROR_CODES).toHaveLength(all.length);
  });

  it('gather every area', () => {
    expect(Object.keys(ERROR_CODE_LISTS).sort()).toEqual(['insight', 'membership', 'organizing', 'platform', 'structure']);
    expect(ERROR_CODES).toEqual(expect.arrayContaining(['SIGN_MISMATCH', 'STALE_VERSION', 'CONTACT_DETAIL', 'UNION_HAS_MEMBERSHIP_HISTORY', 'GOAL_CYCLE']));
  });
});
