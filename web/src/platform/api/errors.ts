import type { Schemas } from './client';

/** An API error answer as the document declares it; only the status is sure when the answer had no body. */
export type ErrorBody = Pick<Schemas['ErrorResponseDto'], 'statusCode'> & Partial<Schemas['ErrorResponseDto']>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }

  /** The problem with one field (`details[].field`), if the API named it. */
  fieldMessage(field: string): string | undefined {
    const problem = this.body.details?.find((d) => d.field === field || d.field.startsWith(`${field}.`) || d.field.startsWith(`${field}[`));
    return problem ? fieldProblemJa(problem.message) : undefined;
  }
}

/** What a failed call said about one field, in Japanese (nothing when it named no such field). */
export function fieldProblem(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** The answer of an openapi-fetch call: its data, or an ApiError thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, (error ?? { statusCode: response.status }) as ErrorBody);
  return data as T;
}

/** How a field problem reads in Japanese (the API's own words kept after it). */
export function fieldProblemJa(message: string): string {
  const known: [RegExp, string][] = [
    [/must be an email|is not an e-mail/i, 'メールアドレスの形式で入力してください'],
    [/must be longer than or equal to (\d+)/i, '$1文字以上で入力してください'],
    [/should not be empty|must be longer than or equal to 1 /i, '入力してください'],
    [/must not be after/i, '期間の開始が終了より後になっています'],
    [/sign must match|must be (positive|negative)/i, '増減数の符号が事由と合っていません'],
    [/already exists|duplicate/i, 'すでに登録されています'],
    [/must be a valid|must be one of|must be an integer|must be a number/i, '値が正しくありません'],
    [/is not a known field/i, '受け付けない項目です'],
    [/NUL character|control characters/i, '使えない文字(制御文字)が含まれています'],
  ];
  for (const [pattern, ja] of known) {
    const m = pattern.exec(message);
    if (m) return `${ja.replace('$1', m[1] ?? '')}(${message})`;
  }
  return `入力内容を確認してください(${message})`;
}

/** A sentence for the person, in Japanese, for any failed call. */
export function errorMessageJa(error: unknown): string {
  if (!(error instanceof ApiError)) return '通信できませんでした。しばらくしてからもう一度お試しください。';
  switch (error.status) {
    case 400:
      return '入力内容に誤りがあります。赤字の項目を確認してください。';
    case 401:
      return 'メールアドレスまたはパスワードが違います。';
    case 403:
    case 404:
      return 'この記録はあなたの担当範囲の外にあるため、表示・変更できません。';
    case 409:
      return error.body.code === 'STALE_VERSION'
        ? 'ほかの人が先に変更しました。最新の内容を読み込み直しました。確認してからもう一度保存してください。'
        : `すでに登録・処理済みのため保存できません(${error.body.message ?? ''})。`;
    case 413:
      return 'データが大きすぎます。';
    case 503:
      return error.body.code === 'RETRY'
        ? '混み合っているため、いまは処理しませんでした(何も記録されていません)。少し待ってからもう一度お試しください。'
        : 'サーバーで問題が起きました。時間をおいてもう一度お試しください。';
    case 429:
      return 'サインインの失敗が続いたため、しばらく受け付けません。数分後にお試しください。';
    default:
      return 'サーバーで問題が起きました。時間をおいてもう一度お試しください。';
  }
}
