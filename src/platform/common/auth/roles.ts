export const ROLES = ['admin', 'leadership', 'regional', 'federation', 'organizer'] as const;
export type Role = (typeof ROLES)[number];

/** Where a request came from, as the audit trail records it. */
export interface RequestOrigin {
  ip: string;
  requestId: string;
}

/** The signed-in caller, as guards attach it to the request. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionalCouncilId: string | null;
  federationId: string | null;
  /** The request this caller is making (absent in jobs and scripts). */
  origin?: RequestOrigin;
}
