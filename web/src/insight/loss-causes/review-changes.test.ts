import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../platform/api/client';
import { staleOutcome } from '../../platform/forms/stale-save';
import { REVIEW_FIELDS, newReviewForm, reviewBody, reviewFormOf, reviewValues } from './review-changes';

type Review = Schemas['LossReviewDto'];

const review = (change: Partial<Review> = {}): Review =>
  ({
    id: 'r1',
    regionalCouncilId: 'c1',
    regionalCouncilName: '横浜地域連合',
    periodFrom: '2025-04',
    periodTo: '2026-03',
    causes: ['resignation'],
    causeLabels: [{ code: 'resignation', label: '自己都合退職' }],
    findings: 'a',
    countermeasures: 'b',
    version: 1,
    ...change,
  }) as Review;

const flow = {
  fields: REVIEW_FIELDS,
  valuesOf: reviewFormOf,
  compared: reviewValues,
  inWords: (r: Review, field: keyof typeof REVIEW_FIELDS) => (field === 'causes' ? r.causes.join('、') : String(r[field])),
};

describe('a loss review saved under someone else’s change', () => {
  it('names the fields that differ, as they read now', () => {
    const current = review({ findings: 'A', causes: ['retirement'], version: 2 });
    expect(staleOutcome(flow, reviewFormOf(review()), review(), current).changes).toEqual([
      { label: '主な要因', current: 'retirement' },
      { label: '把握した内容', current: 'A' },
    ]);
  });

  it('names none when nothing changed', () => {
    expect(staleOutcome(flow, reviewFormOf(review()), review(), review({ version: 2 })).changes).toEqual([]);
  });

  it('keeps the person’s findings and takes the other’s countermeasures', () => {
    const mine = { ...reviewFormOf(review()), findings: 'a(追記)' };
    const current = review({ countermeasures: '事務局で見直した対策。', version: 2 });
    expect(staleOutcome(flow, mine, review(), current).values).toMatchObject({ findings: 'a(追記)', countermeasures: '事務局で見直した対策。' });
  });
});

describe('the review form', () => {
  it('starts a new review at the period on screen and the largest cause', () => {
    expect(newReviewForm('2025-04', '2026-03', 'retirement')).toMatchObject({ periodFrom: '2025-04', periodTo: '2026-03', cause: 'retirement' });
  });

  it('sends no cause when none is chosen', () => {
    expect(reviewBody(newReviewForm('2025-04', '2026-03', undefined)).causes).toEqual([]);
  });
});
