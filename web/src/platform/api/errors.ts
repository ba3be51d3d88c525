import type { Schemas } from './client';
import { type ErrorCode, answerText, fieldText } from './error-text';

/** An API error answer as the document declares it; only the status is sure when the answer had no body. */
export type ErrorBody = Pick<Schemas['ErrorResponseDto'], 'statusCode'> & Partial<Schemas['ErrorResponseDto']>;

/** The code of an answer that carried none (no body, or not the API's): by its status, as the API itself would. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'INVALID_FIELD',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }

  /** The answer's code: the one it carried, else the one its status stands for. */
  get code(): ErrorCode | undefined {
    return this.body.code ?? STATUS_CODES[this.status];
  }

  /** The code of the problem with one field (`details[].field`, or a field inside it), if the API named it. */
  fieldCode(field: string): ErrorCode | undefined {
    return this.body.details?.find((d) => d.field === field || d.field.startsWith(`${field}.`) || d.field.startsWith(`${field}[`))?.code;
  }

  /** The problem with one field, in Japanese (from the code, never the English message), if the API named it. */
  fieldMessage(field: string): string | undefined {
    const named = this.body.details?.some((d) => d.field === field || d.field.startsWith(`${field}.`) || d.field.startsWith(`${field}[`));
    return named ? fieldText(this.fieldCode(field)) : undefined;
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

/** A sentence for the person, in Japanese, for any failed call: the text of the answer's code. */
export function errorMessageJa(error: unknown): string {
  if (!(error instanceof ApiError)) return '通信できませんでした。しばらくしてからもう一度お試しください。';
  if (error.code === undefined && error.status === 409) return 'すでに登録・処理済みのため保存できません。';
  return answerText(error.code);
}
