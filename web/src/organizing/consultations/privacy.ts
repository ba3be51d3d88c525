/** What the consultation form tells people before they write, and how the API's refusal reads next to the field. Pure. */

export const PRIVACY_NOTICE_JA =
  '相談者の氏名・電話番号・メールアドレス・住所や郵便番号は書かないでください。相談の記録には、働く人を特定できる情報を残しません(書かれていると保存されません)。';

/** The API's reason for refusing a field, in Japanese: which contact detail it found, or undefined for other problems. */
export function contactDetailProblemJa(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const found: [RegExp, string][] = [
    [/e-mail/i, 'メールアドレス'],
    [/phone/i, '電話番号'],
    [/postal/i, '郵便番号'],
  ];
  for (const [pattern, what] of found) if (pattern.test(message)) return `${what}が含まれています。連絡先は記録できません。削除してから保存してください。`;
  return undefined;
}
