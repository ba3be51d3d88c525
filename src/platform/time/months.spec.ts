import { addMonths, fiscalYearMonths, fiscalYearOf, lastDayOf, monthRange, monthsBetween } from './months';

describe('months', () => {
  it('adds and counts months across years', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-06', '2030-09')).toBe(51);
    expect(monthsBetween('2026-06', '2026-05')).toBe(-1);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
  });

  it('knows the last day of a month', () => {
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('places months in fiscal years starting in the configured month', () => {
    expect(fiscalYearOf('2027-03', 4)).toBe(2026);
    expect(fiscalYearOf('2026-04', 4)).toBe(2026);
    expect(fiscalYearOf('2026-12', 1)).toBe(2026);
    expect(fiscalYearMonths(2026, 4)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(fiscalYearMonths(2026, 1)[11]).toBe('2026-12');
  });
});
