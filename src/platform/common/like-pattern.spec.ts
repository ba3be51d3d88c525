import { containsPattern } from './like-pattern';

describe('containsPattern', () => {
  it('escapes the LIKE wildcards and the escape character, and matches anywhere', () => {
    expect(containsPattern('50%')).toBe('%50\\%%');
    expect(containsPattern('第_二')).toBe('%第\\_二%');
    expect(containsPattern('円\\記号')).toBe('%円\\\\記号%');
    expect(containsPattern('労組')).toBe('%労組%');
  });
});
