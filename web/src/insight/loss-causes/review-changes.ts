import { changedFields as changedOf } from '../../platform/forms/stale-changes';

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

/** What someone else changed between the version the person started from and the current one. */
export const changedFields = (base: ReviewValues, current: ReviewValues): ReviewField[] => changedOf(REVIEW_FIELDS, base, current);
