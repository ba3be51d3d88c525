import { repeatedPair, surveyAdjustments, surveyContentHash } from './survey-adjustments';

describe('survey adjustments', () => {
  it('adjusts every pair to the survey, a missing pair to 0, and leaves agreeing pairs alone', () => {
    const adjustments = surveyAdjustments(
      [
        { employmentType: 'regular', gender: 'male', members: 100 },
        { employmentType: 'part_time', gender: 'female', members: 30 },
        { employmentType: 'dispatch', gender: 'female', members: 2 },
      ],
      [
        { employmentType: 'regular', gender: 'male', members: 104 },
        { employmentType: 'part_time', gender: 'female', members: 30 },
        { employmentType: 'fixed_term', gender: 'unspecified', members: 5 },
      ],
    );
    expect(adjustments).toEqual([
      { employmentType: 'dispatch', gender: 'female', members: 2 },
      { employmentType: 'fixed_term', gender: 'unspecified', members: -5 },
      { employmentType: 'regular', gender: 'male', members: -4 },
    ]);
  });

  it('hashes the content regardless of order and of listed zeros', () => {
    const a = surveyContentHash('U', '2026-06-30', [
      { employmentType: 'regular', gender: 'male', members: 1 },
      { employmentType: 'other', gender: 'female', members: 0 },
    ]);
    const b = surveyContentHash('U', '2026-06-30', [{ employmentType: 'regular', gender: 'male', members: 1 }]);
    const c = surveyContentHash('U', '2026-06-30', [{ employmentType: 'regular', gender: 'male', members: 2 }]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('finds a repeated pair', () => {
    expect(repeatedPair([{ employmentType: 'regular', gender: 'male', members: 1 }])).toBe(-1);
    expect(
      repeatedPair([
        { employmentType: 'regular', gender: 'male', members: 1 },
        { employmentType: 'regular', gender: 'female', members: 1 },
        { employmentType: 'regular', gender: 'male', members: 2 },
      ]),
    ).toBe(2);
  });
});
