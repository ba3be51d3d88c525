/**
 * Every action the audit trail records, with the Japanese name the console and the exported
 * log show. `<what>.<verb>`: the kind of record (the event's targetType) and what was done.
 */
export const AUDIT_ACTIONS = {
  'session.signed_in': 'サインイン',
  'session.sign_in_failed': 'サインイン失敗',
  'session.locked': 'サインイン一時停止（失敗の繰り返し）',
  'session.signed_out': 'サインアウト',
  'user.created': 'ユーザー作成',
  'user.updated': 'ユーザー変更',
  'user.role_changed': '役割・担当範囲の変更',
  'user.password_changed': 'パスワード変更',
  'user.password_reset': 'パスワード再設定',
  'user.deleted': 'ユーザー削除',
  'user.disabled': 'ユーザーの利用停止',
  'user.enabled': 'ユーザーの利用再開',
  'notification_settings.updated': '通知設定の変更',
  'calendar_feed.rotated': 'カレンダーURLの再発行',
  'push_subscription.created': 'プッシュ通知の端末登録',
  'push_subscription.deleted': 'プッシュ通知の端末削除',
  'digest.run': '朝のお知らせメールの手動実行',
  'sector.created': '産業部門の作成',
  'sector.updated': '産業部門の変更',
  'sector.deleted': '産業部門の削除',
  'federation.created': '構成組織の作成',
  'federation.updated': '構成組織の変更',
  'federation.deleted': '構成組織の削除',
  'regional_council.created': '地域連合の作成',
  'regional_council.updated': '地域連合の変更',
  'regional_council.deleted': '地域連合の削除',
  'union.created': '組合の登録',
  'union.updated': '組合の変更',
  'union.deleted': '組合の削除',
  'governance_body.created': '機関の登録',
  'governance_body.updated': '機関の変更',
  'governance_body.deleted': '機関の削除',
  'governance_composition.recorded': '機関構成(男女別人数)の記録',
  'governance_composition.replaced': '機関構成(男女別人数)の置き換え',
  'prospect.created': '組織化対象の登録',
  'prospect.updated': '組織化対象の変更',
  'prospect.stage_changed': 'ステージ変更',
  'prospect.reopened': '組織化の再開',
  'prospect.affiliated': '加盟（組合結成）',
  'visit.created': '訪問の記録',
  'visit.updated': '訪問の変更',
  'consultation.created': '相談の記録',
  'consultation.updated': '相談の変更',
  'membership_change.recorded': '組合員数の増減の記録',
  'membership_change.bulk_recorded': '組合員数の増減の一括記録',
  'membership_change.reversed': '増減の取消',
  'membership_survey.submitted': '組合員数調査の提出',
  'period.closed': '月次締め',
  'goal.created': '目標の作成',
  'goal.updated': '目標・配分の変更',
  'goal.deleted': '目標の削除',
  'loss_review.created': '減少要因の記録',
  'loss_review.updated': '減少要因の変更',
  'loss_review.deleted': '減少要因の削除',
  'import.uploaded': '取込ファイルの受付',
  'import.committed': '取込の確定',
  'import.reversed': '取込の取消',
  'aggregation.rebuilt': '集計の再構築',
  'queue_board.opened': 'ジョブ管理画面を開く',
  'export.downloaded': '出力・ダウンロード',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The kinds of record an event names as its target (the part of the action before the dot). */
export type AuditTargetType = AuditAction extends `${infer T}.${string}` ? T : never;

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
