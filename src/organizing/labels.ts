import type { LabelsOf } from '../platform/labels/labels';
import type { ConsultationChannel, ConsultationTopic } from './consultations/consultation.entity';
import type { ProspectSource } from './prospects/prospect.entity';
import type { StageChangeKind } from './prospects/prospect-stage-change.entity';
import type { Stage } from './prospects/stage-rules';
import type { VisitKind, VisitOutcome } from './visits/visit.entity';

/** Organizing's code lists with their Japanese and English labels (GET /labels). */
export const STAGE_LABELS = {
  identified: ['候補把握', 'identified'],
  contacted: ['接触', 'contacted'],
  engaged: ['相談・関係づくり', 'engaged'],
  committee: ['結成準備会', 'committee'],
  founded: ['結成', 'founded'],
  affiliated: ['加盟', 'affiliated'],
  on_hold: ['保留', 'on hold'],
  lost: ['断念', 'lost'],
} as const satisfies LabelsOf<Stage>;

export const STAGE_CHANGE_KIND_LABELS = {
  created: ['登録', 'created'],
  moved: ['ステージ移行', 'moved'],
  reopened: ['再開', 'reopened'],
  affiliated: ['加盟手続', 'affiliated'],
} as const satisfies LabelsOf<StageChangeKind>;

export const PROSPECT_SOURCE_LABELS = {
  consultation: ['労働相談から', 'from a consultation'],
  referral: ['紹介', 'referral'],
  federation: ['構成組織から', 'from a federation'],
  corporate_group: ['企業グループ・関連企業', 'corporate group'],
  outreach: ['訪問・宣伝活動', 'outreach'],
  other: ['その他', 'other'],
} as const satisfies LabelsOf<ProspectSource>;

export const VISIT_KIND_LABELS = {
  visit: ['訪問', 'visit'],
  phone: ['電話', 'phone'],
  meeting: ['会合', 'meeting'],
  leaflet: ['ビラ配布', 'leaflet'],
  online: ['オンライン', 'online'],
  consultation: ['相談対応', 'consultation'],
} as const satisfies LabelsOf<VisitKind>;

export const VISIT_OUTCOME_LABELS = {
  turned_away: ['門前払い', 'turned away'],
  card_exchanged: ['名刺交換', 'card exchanged'],
  meeting_held: ['面談', 'meeting held'],
  revisit_promised: ['再訪約束', 'revisit promised'],
  materials_left: ['資料手交', 'materials left'],
  consultation_taken: ['相談受付', 'consultation taken'],
  other: ['その他', 'other'],
} as const satisfies LabelsOf<VisitOutcome>;

/** A visit's support level, 1 (strong support) to 5 (strong opposition). */
export const SUPPORT_LEVEL_LABELS = {
  '1': ['積極支持', 'strong support'],
  '2': ['支持', 'support'],
  '3': ['中立', 'undecided'],
  '4': ['反対', 'opposition'],
  '5': ['強い反対', 'strong opposition'],
} as const;

export const CONSULTATION_CHANNEL_LABELS = {
  street: ['街頭', 'street'],
  phone: ['電話', 'phone'],
  web: ['ウェブ', 'web'],
  walk_in: ['来所', 'walk-in'],
} as const satisfies LabelsOf<ConsultationChannel>;

export const CONSULTATION_TOPIC_LABELS = {
  dismissal: ['解雇', 'dismissal'],
  non_renewal: ['雇止め', 'non renewal'],
  harassment: ['ハラスメント', 'harassment'],
  wages: ['賃金未払い・賃金', 'wages'],
  hours: ['労働時間', 'hours'],
  social_insurance: ['社会保険', 'social insurance'],
  other: ['その他', 'other'],
} as const satisfies LabelsOf<ConsultationTopic>;

/** How a day's morning e-mail or push went (reminder_sends.status; docs/reminders.md). */
export type ReminderSendStatus = 'claimed' | 'sent' | 'failed' | 'empty';
export const REMINDER_SEND_STATUS_LABELS = {
  claimed: ['送信中', 'sending'],
  sent: ['送信済み', 'sent'],
  failed: ['送信失敗（再試行します）', 'failed (will be retried)'],
  empty: ['対象なし（送信せず）', 'nothing due (not sent)'],
} as const satisfies LabelsOf<ReminderSendStatus>;
