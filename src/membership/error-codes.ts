/** Error codes of the membership numbers: the ledger, the annual survey, month close. */
export const MembershipErrorCode = {
  UNKNOWN_UNION: 'UNKNOWN_UNION',
  REVERSAL_NOT_REVERSIBLE: 'REVERSAL_NOT_REVERSIBLE',
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  SURVEY_ADJUSTMENT_NOT_REVERSIBLE: 'SURVEY_ADJUSTMENT_NOT_REVERSIBLE',
  PERIOD_ALREADY_CLOSED: 'PERIOD_ALREADY_CLOSED',
  IMPORT_NOT_REVERSIBLE: 'IMPORT_NOT_REVERSIBLE',
  // details[]: a delta whose sign does not fit its cause; a month that has not ended
  SIGN_MISMATCH: 'SIGN_MISMATCH',
  MONTH_NOT_ENDED: 'MONTH_NOT_ENDED',
} as const;

export type MembershipErrorCode = (typeof MembershipErrorCode)[keyof typeof MembershipErrorCode];

declare module '../platform/common/errors/domain-error' {
  interface ErrorCodeRegistry {
    membership: typeof MembershipErrorCode;
  }
}
