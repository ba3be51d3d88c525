import type { LabelsOf } from '../platform/labels/labels';
import type { UnionKind, UnionStatus } from './unions/union.entity';

/** Structure's code lists with their Japanese and English labels (GET /labels). */
export const UNION_STATUS_LABELS = {
  active: ['活動中', 'active'],
  dissolved: ['解散', 'dissolved'],
  merged: ['統合', 'merged'],
} as const satisfies LabelsOf<UnionStatus>;

export const UNION_KIND_LABELS = {
  enterprise: ['企業別組合', 'enterprise union'],
  general: ['地域ユニオン・一般労組', 'general union'],
  direct: ['直加盟', 'directly affiliated'],
} as const satisfies LabelsOf<UnionKind>;
