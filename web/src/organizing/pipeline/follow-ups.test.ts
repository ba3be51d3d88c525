import { describe, expect, it } from 'vitest';
import { dueLabel, oldestFirst } from './follow-ups';

describe('the day’s follow-ups', () => {
  it('lists the longest waiting first, then by reading', () => {
    const items = [
      { id: '3', employerName: '株式会社いずみ', employerNameKana: 'イズミ', nextActionOn: '2026-06-15' },
      { id: '2', employerName: '株式会社うみべ', employerNameKana: 'ウミベ', nextActionOn: '2026-06-05' },
      { id: '1', employerName: '株式会社あおば', employerNameKana: 'アオバ', nextActionOn: '2026-06-15' },
      { id: '0', employerName: '株式会社えびな', employerNameKana: null, nextActionOn: null },
    ];
    expect(oldestFirst(items).map((i) => i.id)).toEqual(['2', '1', '3', '0']);
  });

  it('marks what is overdue', () => {
    expect([dueLabel(0), dueLabel(3)]).toEqual(['本日', '3日超過']);
  });
});
