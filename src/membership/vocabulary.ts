import { codesOf } from '../platform/labels/labels';

/**
 * Membership's vocabulary: the cause (事由) of a ledger entry, the employment type and the
 * gender, each code with its Japanese and English label beside it. The ledger writer, the
 * validation of entries and imports, GET /labels and the demo all read these lists. To add a
 * cause: one line here, and one migration replacing cause_kinds() (aggregation/sql/
 * cause_kinds.sql), which sorts it into the same sum; test/membership/cause-vocabulary.e2e-spec.ts holds
 * the two together. The console reads the labels from GET /labels.
 */
export const INCREASE_CAUSE_LABELS = {
  new_hire: ['新規採用者の加入', 'new hire'],
  new_organizing: ['新規組織化(結成・加盟)', 'new organizing'],
  non_regular_enrollment: ['非正規労働者の組合加入', 'non regular enrollment'],
  transfer_in: ['転入', 'transfer in'],
  merger_in: ['組織統合による増', 'merger in'],
  other_increase: ['その他の増加', 'other increase'],
} as const;

export const DECREASE_CAUSE_LABELS = {
  retirement: ['定年退職', 'retirement'],
  resignation: ['自己都合退職', 'resignation'],
  promotion_to_management: ['管理職昇格(組合員範囲外)', 'promotion to management'],
  restructuring: ['組織再編・事業所閉鎖', 'restructuring'],
  contract_end: ['雇止め・契約満了', 'contract end'],
  transfer_out: ['出向・転籍・転出', 'transfer out'],
  dissolution: ['組合解散', 'dissolution'],
  withdrawal: ['脱退', 'withdrawal'],
  death: ['死亡', 'death'],
  other_decrease: ['その他の減少', 'other decrease'],
} as const;

/** Written only by the annual survey (POST /membership-surveys), never by a client. */
const ADJUSTMENT_CAUSE_LABELS = { survey_adjustment: ['組合員数調査による補正', 'survey adjustment'] } as const;

export const CAUSE_LABELS = { ...INCREASE_CAUSE_LABELS, ...DECREASE_CAUSE_LABELS, ...ADJUSTMENT_CAUSE_LABELS } as const;

export const INCREASE_CAUSES = codesOf(INCREASE_CAUSE_LABELS);
export const DECREASE_CAUSES = codesOf(DECREASE_CAUSE_LABELS);
export const CAUSES = codesOf(CAUSE_LABELS);
export type Cause = (typeof CAUSES)[number];
/** What a cause does to the count: the sums cause_kind() sorts it into. */
export const CAUSE_KINDS = ['increase', 'decrease', 'adjustment'] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export const EMPLOYMENT_TYPE_LABELS = {
  regular: ['正社員', 'regular'],
  part_time: ['パートタイム', 'part-time'],
  fixed_term: ['有期契約', 'fixed-term'],
  dispatch: ['派遣', 'dispatch'],
  other: ['その他', 'other'],
} as const;
export const EMPLOYMENT_TYPES = codesOf(EMPLOYMENT_TYPE_LABELS);
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const GENDER_LABELS = {
  female: ['女性', 'female'],
  male: ['男性', 'male'],
  unspecified: ['回答なし', 'unspecified'],
} as const;
export const GENDERS = codesOf(GENDER_LABELS);
export type Gender = (typeof GENDERS)[number];
