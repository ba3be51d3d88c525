import { describe, expect, it } from 'vitest';
import { ApiError, errorMessageJa, fieldProblem } from './errors';

describe('API errors for people', () => {
  it('says in Japanese that a record outside the scope cannot be shown', () => {
    expect(errorMessageJa(new ApiError(404, { statusCode: 404 }))).toContain('担当範囲の外');
    expect(errorMessageJa(new ApiError(403, { statusCode: 403, code: 'FORBIDDEN' }))).toContain('担当範囲の外');
  });

  it('says a busy server did nothing and may be asked again', () => {
    expect(errorMessageJa(new ApiError(503, { statusCode: 503, code: 'RETRY' }))).toContain('何も記録されていません');
    expect(errorMessageJa(new ApiError(503, { statusCode: 503 }))).toContain('サーバーで問題が起きました');
  });

  it('says a stale version was reloaded', () => {
    expect(errorMessageJa(new ApiError(409, { statusCode: 409, code: 'STALE_VERSION' }))).toContain('読み込み直しました');
  });

  it('tells a wrong password from a session that ended, by code', () => {
    expect(errorMessageJa(new ApiError(401, { statusCode: 401, code: 'WRONG_CREDENTIALS' }))).toBe('メールアドレスまたはパスワードが違います。');
    expect(errorMessageJa(new ApiError(401, { statusCode: 401, code: 'UNAUTHENTICATED' }))).toContain('もう一度サインイン');
    expect(errorMessageJa(new TypeError('Failed to fetch'))).toContain('通信できませんでした');
  });

  it('finds the problem of the field the API named, by its code, whatever the wording', () => {
    const error = new ApiError(400, {
      statusCode: 400,
      code: 'INVALID_FIELD',
      details: [
        { field: 'email', code: 'NOT_EMAIL', message: 'reworded: anything at all' },
        { field: 'items[3].delta', code: 'SIGN_MISMATCH', message: 'delta must be positive' },
        { field: 'name', code: 'NUL_CHARACTER', message: 'x' },
      ],
    });
    expect(error.fieldMessage('email')).toBe('メールアドレスの形式で入力してください');
    expect(fieldProblem(error, 'items')).toBe('増減数の符号が事由と合っていません');
    expect(fieldProblem(error, 'name')).toContain('使えない文字(制御文字)');
    expect(error.fieldMessage('password')).toBeUndefined();
    expect(fieldProblem(new Error('x'), 'email')).toBeUndefined();
  });

  it('still says something for a code this console does not know yet', () => {
    const newer = { statusCode: 400, code: 'SOMETHING_NEW', details: [{ field: 'x', code: 'SOMETHING_NEW', message: 'x' }] } as never;
    expect(new ApiError(400, newer).fieldMessage('x')).toBe('入力内容を確認してください');
    expect(errorMessageJa(new ApiError(418, newer))).toContain('サーバーで問題が起きました');
  });
});
