import { ERROR_TEXT } from '../../platform/api/error-text';

/** What the consultation form tells people before they write, and how the API's refusal reads next to the field. Pure. */

export const PRIVACY_NOTICE_JA =
  '相談者の氏名・電話番号・メールアドレス・住所や郵便番号は書かないでください。相談の記録には、働く人を特定できる情報を残しません(書かれていると保存されません)。';

/** The API's refusal of a field for holding a contact detail (its code CONTACT_DETAIL), in Japanese; undefined for any other problem. */
export function contactDetailProblemJa(code: string | undefined): string | undefined {
  return code === 'CONTACT_DETAIL' ? ERROR_TEXT.CONTACT_DETAIL : undefined;
}
