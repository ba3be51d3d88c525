import type { LabelsOf } from '../platform/labels/labels';
import type { GovernanceBodyKind, OrganizationKind } from './governance-bodies/governance-body.entity';
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

export const GOVERNANCE_BODY_KIND_LABELS = {
  executive_committee: ['執行委員会', 'executive committee'],
  top_officers: ['三役', 'top officers'],
  convention_delegates: ['大会代議員', 'convention delegates'],
  central_committee: ['中央委員会', 'central committee'],
  women_committee: ['女性委員会', "women's committee"],
  other: ['その他', 'other'],
} as const satisfies LabelsOf<GovernanceBodyKind>;

export const ORGANIZATION_KIND_LABELS = {
  confederation: ['連合神奈川', 'the confederation'],
  federation: ['構成組織', 'federation'],
  regional_council: ['地域連合', 'regional council'],
  union: ['組合', 'union'],
} as const satisfies LabelsOf<OrganizationKind>;
