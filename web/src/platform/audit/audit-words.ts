import { AUDIT_ACTIONS } from '../../../../src/platform/audit/audit-actions';
import type { Schemas } from '../api/client';

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditAction = Schemas['AuditAction'];
export type AuditOutcome = AuditEvent['outcome'];

/**
 * The Japanese name of every action: the service's own list, which the exported log shows
 * too (one list for both; it does not compile when the API knows an action it does not name).
 */
export const ACTION_NAMES: Readonly<Record<AuditAction, string>> = AUDIT_ACTIONS;

/** What a refused or failed attempt is called beside its action (a success needs no word). */
export const OUTCOME_NAMES: Readonly<Record<Exclude<AuditOutcome, 'ok'>, string>> = { denied: '拒否', failed: '失敗' };

/** The kinds of record an event is about (the part of its action before the dot), by the names of their screens. */
export const TARGET_NAMES: Readonly<Record<string, string>> = {
  session: 'サインイン',
  user: 'ユーザー',
  sector: '産業別部門',
  federation: '構成組織',
  regional_council: '地域連合',
  union: '単組',
  prospect: '事業所',
  visit: '訪問記録',
  consultation: 'まちかど労働相談',
  membership_change: '組合員数の増減',
  membership_survey: '年次調査',
  period: '月次締め',
  goal: '目標',
  loss_review: '減少要因の振り返り',
  import: '取込',
  aggregation: '集計',
  queue_board: 'ジョブ管理画面',
  export: 'ファイル出力',
  company: '企業',
  company_relation: '企業間の関係',
  governance_body: '機関',
  governance_composition: '機関の構成',
  notification_settings: '通知設定',
  calendar_feed: 'カレンダー配信',
  push_subscription: 'プッシュ通知の登録',
  digest: '毎朝のメール',
};

export const targetName = (targetType: string): string => TARGET_NAMES[targetType] ?? targetType;

/** The kind of record an action is about: `user.role_changed` → `user`. */
export const targetTypeOf = (action: AuditAction): string => action.split('.')[0];

/** 「操作」's choices: every action by its Japanese name, grouped under the kind of record it is about, in the service's order. */
export function actionChoices(): { group: string; items: { value: AuditAction; label: string }[] }[] {
  const groups = new Map<string, { value: AuditAction; label: string }[]>();
  for (const [action, name] of Object.entries(ACTION_NAMES) as [AuditAction, string][]) {
    const group = targetName(targetTypeOf(action));
    groups.set(group, [...(groups.get(group) ?? []), { value: action, label: name }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/**
 * The names of fields other than a record's own (a download's filters, an import's counts,
 * a ledger entry's amounts), and of fields many records share. Unknown ones show as their key.
 */
export const COMMON_FIELDS: Readonly<Record<string, string>> = {
  id: 'ID',
  regionalCouncilId: '地域連合',
  federationId: '構成組織',
  sectorCode: '産業別部門',
  unionId: '単組',
  prospectId: '事業所',
  name: '名称',
  code: 'コード',
  status: '状態',
  q: '検索語',
  from: '開始日',
  to: '終了日',
  month: '月',
  fileName: 'ファイル名',
  file: 'ファイル',
  route: '出力した一覧',
  format: '形式',
  rows: '行数',
  filters: '条件',
  count: '件数',
  size: 'サイズ(バイト)',
  kind: '種類',
  net: '純増減',
  increase: '増加',
  decrease: '減少',
  unions: '単組数',
  delta: '増減',
  cause: '事由',
  employmentType: '雇用形態',
  gender: '性別',
  effectiveOn: '発効日',
  effectiveFrom: '発効日(最初)',
  effectiveTo: '発効日(最後)',
  reversalId: '取消の記録',
  actorId: '操作者',
  action: '操作',
  targetType: '対象の種類',
  targetId: '対象',
};

/**
 * Detail fields left off the screen (they stay in the exported log): a file's checksum, and
 * ids that 「対象」 already shows as a link or that say nothing to a person.
 */
export const HIDDEN_DETAILS: readonly string[] = ['sha256', 'export.file', 'membership_change.unionId', 'membership_change.reversalId'];
