/** A visit's fields, by the names the visit form shows (and a workplace's 履歴). */
export const VISIT_FIELDS = {
  occurredOn: '日付',
  kind: '種別',
  outcome: '結果',
  contactsReached: '接触できた人数',
  supportLevel: '支持度',
  summary: '内容',
  nextActionOn: '次回予定日',
  organizerId: '記録した人',
  prospectId: '事業所',
} as const;
