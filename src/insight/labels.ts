import type { LabelsOf } from '../platform/labels/labels';
import type { MilestoneStatus } from './goals/goal-progress';
import type { GenderTarget, ParityStatus } from './reports/gender-participation';

/** Insight's code lists with their Japanese and English labels (GET /labels). */
export const MILESTONE_STATUS_LABELS = {
  met: ['達成', 'met'],
  missed: ['未達', 'missed'],
  on_track: ['順調', 'on track'],
  at_risk: ['要注意', 'at risk'],
} as const satisfies LabelsOf<MilestoneStatus>;

/** Whether a body (or a target of the gender equality plan) is met: 達成 / 未達 / 未把握. */
export const PARITY_STATUS_LABELS = {
  met: ['達成', 'met'],
  not_met: ['未達', 'not met'],
  unknown: ['未把握', 'unknown'],
} as const satisfies LabelsOf<ParityStatus>;

/** The targets of the gender equality plan (第4次 ジェンダー平等推進計画), in its order. */
export const GENDER_TARGET_LABELS = {
  member_gender_surveyed: ['組合員の男女比率の把握', 'member gender surveyed'],
  woman_officer: ['女性役員の選出', 'a woman officer'],
  executive_share_in_proportion: ['執行委員の女性比率が組合員比率以上', 'executive share in proportion'],
  woman_top_officer: ['三役への女性の選出', 'a woman among the top officers'],
  decision_bodies_in_proportion: ['議決機関の女性比率が組合員比率以上', 'decision bodies in proportion'],
} as const satisfies LabelsOf<GenderTarget>;
