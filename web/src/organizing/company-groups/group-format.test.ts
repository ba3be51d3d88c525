import { describe, expect, it } from 'vitest';
import { formatRate, searchTerm, votingShareText } from './group-format';

describe('the group screen’s words and figures', () => {
  it('writes the organization rate as a percentage, and 「-」 without employees', () => {
    expect(formatRate(0.217)).toBe('21.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('-');
  });

  it('writes a voting share given in percent', () => {
    expect(votingShareText(60)).toBe('60.0%');
    expect(votingShareText(33.35)).toBe('33.4%');
    expect(votingShareText(null)).toBe('');
  });

  it('reads a 法人番号 typed in full-width or with hyphens as its digits, and a name as typed (NFKC)', () => {
    expect(searchTerm('１０２０００１０７１４９１')).toBe('1020001071491');
    expect(searchTerm(' 1020-0010-71491 ')).toBe('1020001071491');
    expect(searchTerm('ﾐﾅﾄ物流')).toBe('ミナト物流');
    expect(searchTerm('  みなと 物流 ')).toBe('みなと 物流');
  });
});
