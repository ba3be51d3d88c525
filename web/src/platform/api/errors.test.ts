import { describe, expect, it } from 'vitest';
import { ApiError, errorMessageJa, fieldProblemJa } from './errors';

describe('API errors for people', () => {
  it('says in Japanese that a record outside the scope cannot be shown', () => {
    expect(errorMessageJa(new ApiError(404, { statusCode: 404 }))).toContain('担当範囲の外');
    expect(errorMessageJa(new ApiError(403, { statusCode: 403 }))).toContain('担当範囲の外');
  });

  it('says a busy server did nothing and may be asked again', () => {
    expect(errorMessageJa(new ApiError(503, { statusCode: 503, code: 'RETRY' }))).toContain('何も記録されていません');
    expect(errorMessageJa(new ApiError(503, { statusCode: 503 }))).toContain('サーバーで問題が起きました');
  });

  it('says a stale version was reloaded', () => {
    expect(errorMessageJa(new ApiError(409, { statusCode: 409, code: 'STALE_VERSION' }))).toContain('読み込み直しました');
  });

  it('finds the problem of the field the API named', () => {
    const error = new ApiError(400, { statusCode: 400, details: [{ field: 'email', message: 'email must be an email' }] });
    expect(error.fieldMessage('email')).toBe('メールアドレスの形式で入力してください(email must be an email)');
    expect(error.fieldMessage('password')).toBeUndefined();
    expect(fieldProblemJa('something odd')).toContain('入力内容を確認してください');
    expect(fieldProblemJa('must not contain the NUL character (U+0000)')).toContain('使えない文字(制御文字)');
  });
});
