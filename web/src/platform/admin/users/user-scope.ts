import type { Schemas } from '../../api/client';

export type Role = Schemas['CreateUserDto']['role'];

/** Roles that work within one regional council; federation users work within one federation. */
export const COUNCIL_ROLES: readonly Role[] = ['regional', 'organizer'];

export const needsCouncil = (role: Role): boolean => COUNCIL_ROLES.includes(role);
export const needsFederation = (role: Role): boolean => role === 'federation';

/**
 * The scope a role takes, as the API wants it: the council for council roles, the
 * federation for federation users, and nothing left over from a previous role (null clears it).
 */
export function scopeFor(role: Role, regionalCouncilId: string, federationId: string): { regionalCouncilId: string | null; federationId: string | null } {
  return {
    regionalCouncilId: needsCouncil(role) ? regionalCouncilId : null,
    federationId: needsFederation(role) ? federationId : null,
  };
}

/** The fields of a user the edit form changes, with the names it shows. */
export const USER_FIELDS = {
  displayName: '表示名',
  role: '役割',
  regionalCouncilId: '地域連合',
  federationId: '構成組織',
} as const;

export type UserField = keyof typeof USER_FIELDS;

/** Every field of a user a change can touch, by the names the console shows (its 履歴 and 監査ログ). */
export const USER_RECORD_FIELDS = { email: 'メールアドレス', ...USER_FIELDS } as const;
