import { describe, expect, it } from 'vitest';
import { monthChoices } from './month-choices';

describe('month choices', () => {
  it('lists the months newest first in Japanese', () => {
    expect(monthChoices('2025-11', '2026-02')).toEqual([
      { value: '2026-02', label: '2026年2月' },
      { value: '2026-01', label: '2026年1月' },
      { value: '2025-12', label: '2025年12月' },
      { value: '2025-11', label: '2025年11月' },
    ]);
  });

  it('widens the range to hold the chosen month', () => {
    expect(monthChoices('2026-01', '2026-02', '2025-12').map((c) => c.value)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(monthChoices('2026-01', '2026-02', '2026-04').map((c) => c.value)).toEqual(['2026-04', '2026-03', '2026-02', '2026-01']);
  });
});
