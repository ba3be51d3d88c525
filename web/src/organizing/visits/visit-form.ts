import type { CommandBody } from '../outbox/commands';
import type { Visit } from '../pipeline/queries';

type VisitBody = CommandBody<'recordVisit'>;

/** A visit as the form edits it: choices as their codes ('' for none), dates as YYYY-MM-DD. */
export interface VisitValues {
  occurredOn: string;
  kind: VisitBody['kind'];
  outcome: NonNullable<VisitBody['outcome']> | '';
  supportLevel: string;
  summary: string;
  nextActionOn: string;
}

/** The fields a correction compares when someone else saved the visit first, by the names the form shows. */
export const VISIT_FORM_FIELDS = {
  occurredOn: '日付',
  kind: '種別',
  outcome: '結果',
  supportLevel: '支持度',
  summary: '内容',
  nextActionOn: '次回予定日',
} as const;
export type VisitFormField = keyof typeof VISIT_FORM_FIELDS;

/** The form for a new visit (日付 today, 種別 訪問: a note alone is enough) or for the person's own visit to correct. */
export function visitValuesOf(visit: Visit | undefined, today: string): VisitValues {
  return {
    occurredOn: visit?.occurredOn ?? today,
    kind: visit?.kind ?? 'visit',
    outcome: visit?.outcome ?? '',
    supportLevel: visit?.supportLevel ? String(visit.supportLevel) : '',
    summary: visit?.summary ?? '',
    nextActionOn: visit?.nextActionOn ?? '',
  };
}

/** What the API is sent: unchosen choices and an empty next date as null, the note trimmed. */
export function visitBody(values: VisitValues): VisitBody {
  return {
    occurredOn: values.occurredOn,
    kind: values.kind,
    outcome: values.outcome || null,
    supportLevel: values.supportLevel ? Number(values.supportLevel) : null,
    summary: values.summary.trim(),
    nextActionOn: values.nextActionOn || null,
  };
}

/** The form's own check: 内容 is the one field that must be filled. */
export const checkSummary = (summary: string): string | null => (summary.trim() ? null : '内容を入力してください');
