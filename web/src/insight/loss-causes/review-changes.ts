import type { Schemas } from '../../platform/api/client';

type Review = Schemas['LossReviewDto'];
type Cause = Schemas['CreateLossReviewDto']['causes'][number];

/** The fields of a loss review a person edits, with the names the form shows. */
export const REVIEW_FIELDS = {
  periodFrom: '期間(開始)',
  periodTo: '期間(終了)',
  causes: '主な要因',
  findings: '把握した内容',
  countermeasures: '対策',
} as const;

export type ReviewField = keyof typeof REVIEW_FIELDS;
export type ReviewValues = Record<Exclude<ReviewField, 'causes'>, string> & { causes: readonly string[] };

/** A review as the form edits it: one cause (the main one), '' for none. */
export interface ReviewForm {
  periodFrom: string;
  periodTo: string;
  cause: string;
  findings: string;
  countermeasures: string;
}

/** A review's values by the form's fields, to see what someone else changed. */
export const reviewValues = (r: Review): ReviewValues => ({
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  causes: r.causes,
  findings: r.findings,
  countermeasures: r.countermeasures,
});

export const reviewFormOf = (r: Review): ReviewForm => ({
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  cause: r.causes[0] ?? '',
  findings: r.findings,
  countermeasures: r.countermeasures,
});

/** A new review: the period on screen, and the largest cause (the first offered). */
export const newReviewForm = (from: string, to: string, firstCause: string | undefined): ReviewForm => ({
  periodFrom: from,
  periodTo: to,
  cause: firstCause ?? '',
  findings: '',
  countermeasures: '',
});

/** The fields every save sends (a new review adds its council, an edit its version). */
export const reviewBody = (form: ReviewForm) => ({
  periodFrom: form.periodFrom,
  periodTo: form.periodTo,
  causes: form.cause ? [form.cause as Cause] : [],
  findings: form.findings,
  countermeasures: form.countermeasures,
});
