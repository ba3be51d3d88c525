import type { Role } from '../common/auth/roles';
import type { LabelsOf } from '../labels/labels';

/** The roles with their Japanese and English labels (GET /labels). */
export const ROLE_LABELS = {
  admin: ['システム管理者', 'administrator'],
  leadership: ['執行部', 'leadership'],
  regional: ['地域連合', 'regional council staff'],
  federation: ['構成組織(産別)', 'federation'],
  organizer: ['オルガナイザー', 'organizer'],
} as const satisfies LabelsOf<Role>;
