/** Error codes of organizing: the prospect pipeline, affiliation and consultations. */
export const OrganizingErrorCode = {
  ILLEGAL_STAGE_CHANGE: 'ILLEGAL_STAGE_CHANGE',
  PROSPECT_ALREADY_AFFILIATED: 'PROSPECT_ALREADY_AFFILIATED',
  // details[]: a consultation's text holding a contact detail (an e-mail address, a phone number, a postal code)
  CONTACT_DETAIL: 'CONTACT_DETAIL',
  // details[]: where a prospect is and who works it
  MUNICIPALITY_OUTSIDE_COUNCILS: 'MUNICIPALITY_OUTSIDE_COUNCILS',
  COUNCIL_DOES_NOT_COVER_MUNICIPALITY: 'COUNCIL_DOES_NOT_COVER_MUNICIPALITY',
  COUNCIL_AMBIGUOUS: 'COUNCIL_AMBIGUOUS',
  NOT_ORGANIZER_OF_COUNCIL: 'NOT_ORGANIZER_OF_COUNCIL',
  PROSPECT_OF_OTHER_COUNCIL: 'PROSPECT_OF_OTHER_COUNCIL',
  // details[]: an affiliation's employment breakdown that does not add up to its members
  BREAKDOWN_MISMATCH: 'BREAKDOWN_MISMATCH',
  // reminders (organizing/reminders): a push subscription whose endpoint is not a push service
  // the service may call (PUSH_ALLOWED_HOSTS), whose keys are not a device's, or push not set up
  PUSH_HOST_NOT_ALLOWED: 'PUSH_HOST_NOT_ALLOWED',
  INVALID_PUSH_KEY: 'INVALID_PUSH_KEY',
  PUSH_NOT_AVAILABLE: 'PUSH_NOT_AVAILABLE',
  // a prospect from a company (POST /prospects {fromCompanyId}) when one is already open for it
  COMPANY_ALREADY_PROSPECT: 'COMPANY_ALREADY_PROSPECT',
} as const;

export type OrganizingErrorCode = (typeof OrganizingErrorCode)[keyof typeof OrganizingErrorCode];

declare module '../platform/common/errors/domain-error' {
  interface ErrorCodeRegistry {
    organizing: typeof OrganizingErrorCode;
  }
}
