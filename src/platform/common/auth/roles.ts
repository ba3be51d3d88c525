export const ROLES = ['admin', 'leadership', 'regional', 'federation', 'organizer'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in caller, as guards attach it to the request. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionalCouncilId: string | null;
  federationId: string | null;
}
