/** Error codes of organizing: the prospect pipeline and affiliation. */
export const OrganizingErrorCode = {
  ILLEGAL_STAGE_CHANGE: 'ILLEGAL_STAGE_CHANGE',
  PROSPECT_ALREADY_AFFILIATED: 'PROSPECT_ALREADY_AFFILIATED',
} as const;

export type OrganizingErrorCode = (typeof OrganizingErrorCode)[keyof typeof OrganizingErrorCode];
