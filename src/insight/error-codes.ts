/**
 * Error codes of insight (reports, goals, loss reviews). Its routes answer mostly with
 * the platform's NOT_FOUND, INVALID_FIELD and FORBIDDEN. A new code goes here.
 */
export const InsightErrorCode = {
  // details[]: a parent goal that would make the goal its own ancestor
  GOAL_CYCLE: 'GOAL_CYCLE',
} as const;

export type InsightErrorCode = (typeof InsightErrorCode)[keyof typeof InsightErrorCode];

declare module '../platform/common/errors/domain-error' {
  interface ErrorCodeRegistry {
    insight: typeof InsightErrorCode;
  }
}
