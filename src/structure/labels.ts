import type { LabelsOf } from '../platform/labels/labels';
import type { GovernanceBodyKind, OrganizationKind } from './governance-bodies/governance-body.entity';
import type { UnionKind, UnionStatus } from './unions/union.entity';
import type { IndustryCode, UnionPresence } from './companies/company.entity';
import type { Confidence, RelationKind } from './companies/company-relation.entity';
import type { CompanyStatus } from './companies/dto/company.dto';

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
/** 日本標準産業分類（大分類）. */
export const INDUSTRY_LABELS = {
  A: ['農業，林業', 'Agriculture and forestry'],
  B: ['漁業', 'Fisheries'],
  C: ['鉱業，採石業，砂利採取業', 'Mining and quarrying of stone and gravel'],
  D: ['建設業', 'Construction'],
  E: ['製造業', 'Manufacturing'],
  F: ['電気・ガス・熱供給・水道業', 'Electricity, gas, heat supply and water'],
  G: ['情報通信業', 'Information and communications'],
  H: ['運輸業，郵便業', 'Transport and postal activities'],
  I: ['卸売業，小売業', 'Wholesale and retail trade'],
  J: ['金融業，保険業', 'Finance and insurance'],
  K: ['不動産業，物品賃貸業', 'Real estate and goods rental and leasing'],
  L: ['学術研究，専門・技術サービス業', 'Scientific research, professional and technical services'],
  M: ['宿泊業，飲食サービス業', 'Accommodations, eating and drinking services'],
  N: ['生活関連サービス業，娯楽業', 'Living-related and personal services and amusement services'],
  O: ['教育，学習支援業', 'Education, learning support'],
  P: ['医療，福祉', 'Medical, health care and welfare'],
  Q: ['複合サービス事業', 'Compound services'],
  R: ['サービス業（他に分類されないもの）', 'Services, n.e.c.'],
  S: ['公務（他に分類されるものを除く）', 'Government, except elsewhere classified'],
  T: ['分類不能の産業', 'Industries unable to classify'],
} as const satisfies LabelsOf<IndustryCode>;

export const COMPANY_STATUS_LABELS = {
  affiliated: ['連合加盟', 'affiliated'],
  other_union: ['他労組', 'other union'],
  unorganized: ['未組織', 'unorganized'],
  unknown: ['不明', 'unknown'],
} as const satisfies LabelsOf<CompanyStatus>;

export const UNION_PRESENCE_LABELS = {
  none: ['労組なし（未組織）', 'no union'],
  other_union: ['他労組あり', 'another union'],
  unknown: ['不明', 'unknown'],
} as const satisfies LabelsOf<UnionPresence>;

/** The categories of 有価証券報告書「関係会社の状況」. */
export const RELATION_KIND_LABELS = {
  parent_subsidiary: ['親会社・子会社', 'parent and subsidiary'],
  consolidated_subsidiary: ['連結子会社', 'consolidated subsidiary'],
  unconsolidated_subsidiary: ['非連結子会社', 'unconsolidated subsidiary'],
  equity_affiliate: ['持分法適用関連会社', 'equity-method affiliate'],
  other_related: ['その他の関係会社', 'other related company'],
} as const satisfies LabelsOf<RelationKind>;

export const CONFIDENCE_LABELS = {
  high: ['高', 'high'],
  medium: ['中', 'medium'],
  low: ['低', 'low'],
} as const satisfies LabelsOf<Confidence>;
