import { describe, expect, it } from 'vitest';
import { surveyCounts, surveyTotal } from './survey';

describe('the annual survey grid', () => {
  const types = ['regular', 'part_time'] as const;
  const genders = ['female', 'male'] as const;

  it('sends the non-zero cells, blanks and zeros being 0', () => {
    const counts = surveyCounts({ regular: { female: '12', male: ' 30 ' }, part_time: { female: '0', male: '' } }, types, genders);
    expect(counts).toEqual([
      { employmentType: 'regular', gender: 'female', members: 12 },
      { employmentType: 'regular', gender: 'male', members: 30 },
    ]);
    expect(surveyTotal(counts ?? [])).toBe(42);
  });

  it('refuses a cell that is not a whole number', () => {
    expect(surveyCounts({ regular: { female: '1.5' } }, types, genders)).toBeUndefined();
    expect(surveyCounts({ regular: { female: '-3' } }, types, genders)).toBeUndefined();
  });
});
