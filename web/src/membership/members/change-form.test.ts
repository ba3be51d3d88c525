import { describe, expect, it } from 'vitest';
import { changeBody, newChange, nextChange } from './change-form';

describe('the membership change form', () => {
  it('starts at today, a new hire, regular, gender not given', () => {
    expect(newChange('2026-06-15')).toEqual({
      effectiveOn: '2026-06-15',
      delta: '',
      cause: 'new_hire',
      employmentType: 'regular',
      gender: 'unspecified',
      note: '',
    });
  });

  it('sends the count as a number and the note only when there is one', () => {
    const values = { ...newChange('2026-06-15'), delta: '-3', cause: 'retirement' as const };
    expect(changeBody(values, 'u-1')).toEqual({
      unionId: 'u-1',
      effectiveOn: '2026-06-15',
      delta: -3,
      cause: 'retirement',
      employmentType: 'regular',
      gender: 'unspecified',
    });
    expect(changeBody({ ...values, note: '定年' }, 'u-1')).toMatchObject({ note: '定年' });
  });

  it('keeps the day and kinds for the next entry and clears the count and note', () => {
    const recorded = { ...newChange('2026-06-01'), delta: '5', note: 'x', employmentType: 'part_time' as const };
    expect(nextChange(recorded)).toEqual({ ...recorded, delta: '', note: '' });
  });
});
