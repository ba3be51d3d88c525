import type { Schemas } from './client';

/** Every code an error answer or a detail may carry: the OpenAPI document's enum. */
export type ErrorCode = Schemas['ErrorCode'];

/**
 * The console's one catalogue of the API's error codes, in Japanese. A screen shows the
 * text of the answer's `code`, or of the `code` of the detail about its field; it never
 * reads the English `message`. Detail codes read as a note beside the field; the codes
 * of a whole answer as a sentence. A code the API adds fails type-checking here until it
 * has its text.
 */
export const ERROR_TEXT = {
  // the whole answer
  NOT_FOUND: 'この記録はあなたの担当範囲の外にあるため、表示・変更できません。',
  FORBIDDEN: 'この記録はあなたの担当範囲の外にあるため、表示・変更できません。',
  INVALID_FIELD: '入力内容に誤りがあります。赤字の項目を確認してください。',
  STALE_VERSION: 'ほかの人が先に変更しました。最新の内容を読み込み直しました。確認してからもう一度保存してください。',
  BODY_TOO_LARGE: 'データが大きすぎます。',
  BAD_REQUEST: '送信した内容を読み取れませんでした。入力内容を確認してください。',
  UNSUPPORTED_MEDIA_TYPE: '送信の形式が受け付けられませんでした。',
  RATE_LIMITED: '送信が続いたため、しばらく受け付けません。少し待ってからお試しください。',
  UNAVAILABLE: 'サーバーで問題が起きました。時間をおいてもう一度お試しください。',
  INTERNAL: 'サーバーで問題が起きました。時間をおいてもう一度お試しください。',
  DUPLICATE: 'すでに登録されています。',
  STILL_REFERENCED: 'ほかの記録から参照されているため削除できません。先にそちらを変更してください。',
  UNKNOWN_REFERENCE: '指定した記録が見つかりません。選び直してください',
  INVALID_VALUE: '値が正しくありません',
  RETRY: '混み合っているため、いまは処理しませんでした(何も記録されていません)。少し待ってからもう一度お試しください。',
  UNAUTHENTICATED: 'サインインの有効期限が切れました。もう一度サインインしてください。',
  WRONG_CREDENTIALS: 'メールアドレスまたはパスワードが違います。',
  TOO_MANY_FAILED_LOGINS: 'サインインの失敗が続いたため、しばらく受け付けません。数分後にお試しください。',
  CSRF_TOKEN_MISSING: 'サインインの状態を確かめられませんでした。画面を読み込み直してからもう一度お試しください。',
  CANNOT_DEMOTE_SELF: '自分のアカウントから管理者の役割を外すことはできません。',
  CANNOT_DELETE_SELF: '自分のアカウントは削除できません。',
  CANNOT_DISABLE_SELF: '自分のアカウントは利用停止にできません。',
  ACCOUNT_DISABLED: 'このアカウントは管理者により利用停止されています。管理者にお問い合わせください。',
  IDEMPOTENCY_KEY_REUSED: '同じ送信が別の内容で届いたため受け付けませんでした。もう一度入力してください。',
  UNION_HAS_MEMBERSHIP_HISTORY: '組合員数の記録がある組合は削除できません。',
  COUNTS_DO_NOT_SUM: '女性・男性・不明の合計が定数と一致しません。',
  CORPORATE_NUMBER_CHECK_DIGIT: '法人番号のチェックデジットが合いません。13桁を確かめてください。',
  SECOND_CONTROLLING_PARENT: 'この企業には、同じ期間にすでに親会社（支配関係）が登録されています。',
  RELATION_CYCLE: 'この関係を登録すると、親子関係が循環します（子会社の下に親会社が来ます）。',
  COMPANY_ALREADY_PROSPECT: 'この企業はすでに組織化対象として登録されています。',
  REVERSAL_NOT_REVERSIBLE: '取り消しの記録は、さらに取り消すことはできません。',
  ALREADY_REVERSED: 'この記録はすでに取り消されています。',
  SURVEY_ADJUSTMENT_NOT_REVERSIBLE: '年次調査による調整は取り消せません。',
  PERIOD_ALREADY_CLOSED: 'この月はすでに締められています。',
  IMPORT_NOT_COMMITTABLE: '確認が済み、誤りのない取込だけを確定できます。',
  IMPORT_ALREADY_COMMITTED: '同じファイルはすでに取り込まれています。',
  IMPORT_NOT_REVERSIBLE: 'この取込は取り消せません。',
  ILLEGAL_STAGE_CHANGE: 'このステージ変更は、いまのステージからはできません。',
  PROSPECT_ALREADY_AFFILIATED: 'この組織化対象はすでに加盟しています。',
  // one field (details[])
  REQUIRED: '入力してください',
  MUST_BE_EMPTY: 'この役割・種別では指定できません。空にしてください',
  CANNOT_BE_CLEARED: '空にはできません',
  TOO_SHORT: '短すぎます。文字数を増やしてください',
  TOO_LONG: '長すぎます。文字数を減らしてください',
  TOO_FEW: '数が足りません。1つ以上選んでください',
  TOO_MANY: '数が多すぎます。減らしてください',
  NOT_EMAIL: 'メールアドレスの形式で入力してください',
  NOT_A_NUMBER: '数値(整数)で入力してください',
  NOT_A_STRING: '文字で入力してください',
  NOT_A_BOOLEAN: 'はい・いいえで指定してください',
  NOT_A_LIST: '一覧の形で指定してください',
  NOT_AN_OBJECT: '形式が正しくありません',
  OUT_OF_RANGE: '範囲の外の値です。範囲内の値を入力してください',
  NOT_ONE_OF: '選べる値の中から選んでください',
  INVALID_FORMAT: '形式が正しくありません',
  REPEATED: '同じものが重複しています',
  UNKNOWN_FIELD: '受け付けない項目です',
  NUL_CHARACTER: '使えない文字(制御文字)が含まれています',
  CONTROL_CHARACTER: '使えない文字(制御文字)が含まれています',
  EMPTY_FILE: 'ファイルが空です',
  TOO_DEEP: 'データの入れ子が深すぎます',
  IN_THE_FUTURE: '未来の日付は入力できません',
  DATES_OUT_OF_ORDER: '日付の前後が逆になっています(開始が終了より後です)',
  RANGE_TOO_LONG: '期間が長すぎます。短くしてください',
  NOT_COMBINABLE: 'この組み合わせでは指定できません',
  OUT_OF_SCOPE: 'あなたの担当範囲の外です',
  MORE_PROBLEMS: 'ほかにも誤りがあります',
  UNKNOWN_UNION: '指定した組合が見つかりません',
  SIGN_MISMATCH: '増減数の符号が事由と合っていません',
  MONTH_NOT_ENDED: 'まだ終わっていない月は締められません',
  CONTACT_DETAIL: '連絡先(メールアドレス・電話番号・郵便番号)が含まれています。連絡先は記録できません。削除してから保存してください。',
  MUNICIPALITY_OUTSIDE_COUNCILS: 'この市区町村を担当する地域連合がありません',
  COUNCIL_DOES_NOT_COVER_MUNICIPALITY: 'この地域連合は、その市区町村を担当していません',
  COUNCIL_AMBIGUOUS: 'この市区町村は複数の地域連合にまたがります。地域連合を選んでください',
  NOT_ORGANIZER_OF_COUNCIL: 'この地域連合のオルガナイザーでない人が含まれています',
  PROSPECT_OF_OTHER_COUNCIL: '同じ地域連合の組織化対象を選んでください',
  BREAKDOWN_MISMATCH: '雇用形態別の内訳の合計が組合員数と合っていません',
  GOAL_CYCLE: 'この目標を、自分より下の目標の下に置くことはできません',
  PUSH_HOST_NOT_ALLOWED: 'このブラウザの通知サービスには送信できません。別のブラウザでお試しいただくか、管理者にお問い合わせください。',
  INVALID_PUSH_KEY: 'この端末の通知の登録情報が正しくありません。プッシュ通知をいったんオフにして、もう一度オンにしてください。',
  PUSH_NOT_AVAILABLE: 'このサーバーではプッシュ通知が設定されていません。管理者にお問い合わせください。',
} as const satisfies Record<ErrorCode, string>;

/** When the API sent a code this console does not know yet (a newer server). */
const UNKNOWN_ANSWER = 'サーバーで問題が起きました。時間をおいてもう一度お試しください。';
const UNKNOWN_FIELD_PROBLEM = '入力内容を確認してください';

const isKnown = (code: string | undefined): code is ErrorCode => code !== undefined && Object.hasOwn(ERROR_TEXT, code);

/** The Japanese text of a whole answer's code. */
export const answerText = (code: string | undefined): string => (isKnown(code) ? ERROR_TEXT[code] : UNKNOWN_ANSWER);

/** The Japanese text of a detail's code, to show beside its field. */
export const fieldText = (code: string | undefined): string => (isKnown(code) ? ERROR_TEXT[code] : UNKNOWN_FIELD_PROBLEM);
