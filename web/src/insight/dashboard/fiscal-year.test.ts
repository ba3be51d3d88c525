import { describe, expect, it } from 'vitest';
import { fiscalYearChoices, fiscalYearOfMonth, fiscalYearRange, formatRange, reportedMonths } from './fiscal-year';

describe('fiscal years (年度, April to March)', () => {
  it('runs from April to the next March', () => {
    expect(fiscalYearRange(2026)).toEqual({ from: '2026-04', to: '2027-03' });
    expect(fiscalYearOfMonth('2026-04')).toBe(2026);
    expect(fiscalYearOfMonth('2027-03')).toBe(2026);
    expect(fiscalYearOfMonth('2026-03')).toBe(2025);
  });

  it('reports a year only as far as the current month', () => {
    expect(reportedMonths(2026, '2026-11')).toEqual({ from: '2026-04', to: '2026-11' });
    expect(reportedMonths(2025, '2026-11')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(reportedMonths(2026, '2026-04')).toEqual({ from: '2026-04', to: '2026-04' });
    expect(reportedMonths(2027, '2026-11')).toEqual({ from: '2027-04', to: '2027-04' });
  });

  it('offers the current year first, then earlier ones', () => {
    expect(fiscalYearChoices('2027-02', 3)).toEqual([
      { value: '2026', label: '2026年度' },
      { value: '2025', label: '2025年度' },
      { value: '2024', label: '2024年度' },
    ]);
  });

  it('writes a period in Japanese', () => {
    expect(formatRange({ from: '2026-04', to: '2027-03' })).toBe('2026年4月〜2027年3月');
    expect(formatRange({ from: '2026-04', to: '2026-04' })).toBe('2026年4月');
  });
});
