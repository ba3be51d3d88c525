import { ApiError, errorMessageJa, type ErrorBody } from '../../platform/api/errors';
import { answerText, fieldText } from '../../platform/api/error-text';
import { VISIT_FORM_FIELDS } from '../visits/visit-form';

/** The names the organizer's forms give the fields the API may name (visit, stage move, prospect, consultation). */
const FIELD_NAMES_JA: Record<string, string> = {
  ...VISIT_FORM_FIELDS,
  contactsReached: '話せた人数',
  stage: 'ステージ',
  note: 'メモ',
  employerName: '事業所名',
  municipality: '市区町村',
  estimatedWorkers: '推定従業員数',
  receivedOn: '受付日',
  topics: '相談内容',
  unionName: '組合名',
  members: '組合員数',
  effectiveOn: '加盟日',
};

/**
 * Why the API refused an item the outbox sent later (要対応), in Japanese. The person is no
 * longer on the form they filled, so the message names the fields itself and says what
 * happened meanwhile, rather than pointing at red fields on screen.
 */
export function refusalMessageJa(refusal: { status: number; body: ErrorBody }): string {
  const { status, body } = refusal;
  const fields = (body.details ?? []).map((d) => `${FIELD_NAMES_JA[d.field] ?? d.field}: ${fieldText(d.code)}`);
  if (body.code === 'STALE_VERSION') {
    return '送信する前に、ほかの人がこの記録を変更しました。最新の状態を確かめて、必要ならもう一度記録してください。';
  }
  if (body.code === 'ILLEGAL_STAGE_CHANGE') {
    return [answerText(body.code), '送信する前にほかの人がステージを変えた可能性があります。', ...fields].join(' ');
  }
  if (status === 400 || status === 422) return ['入力内容に誤りがあるため受け付けられませんでした。', ...fields].join(' ');
  return errorMessageJa(new ApiError(status, body));
}
