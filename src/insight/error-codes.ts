/**
 * Error codes of insight (reports, goals, loss reviews). None of its own yet: its
 * routes answer with the platform's NOT_FOUND, INVALID_FIELD and FORBIDDEN. A new
 * code goes here.
 */
export const InsightErrorCode = {} as const;

export type InsightErrorCode = (typeof InsightErrorCode)[keyof typeof InsightErrorCode];
