import { describe, expect, it } from 'vitest';
import { periodDays } from './period-days';

describe('periodDays', () => {
  it('runs from the first day of the first month to the last day of the last', () => {
    expect(periodDays('2025-04', '2026-03')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(periodDays('2024-01', '2024-02')).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(periodDays('2026-02', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
