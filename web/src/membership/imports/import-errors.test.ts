import { describe, expect, it } from 'vitest';
import { ApiError } from '../../platform/api/errors';
import type { ErrorCode } from '../../platform/api/error-text';
import { alreadyCommittedAs, uploadErrorJa } from './import-errors';

const badField = (field: string, code: ErrorCode, message = 'reworded at will') =>
  new ApiError(400, { statusCode: 400, code: 'INVALID_FIELD', message: 'Bad Request', details: [{ field, code, message }] });

describe('uploadErrorJa', () => {
  it('puts a refused kind under 種類 and nothing under ファイル', () => {
    const error = badField('kind', 'NOT_ONE_OF');
    expect(uploadErrorJa(error, 'kind')).toBe('この種類のファイルはまだ取り込めません。');
    expect(uploadErrorJa(error, 'file')).toBeUndefined();
  });

  it('says an empty file is empty', () => {
    expect(uploadErrorJa(badField('file', 'EMPTY_FILE'), 'file')).toBe('ファイルが空です。');
  });

  it('asks for another name when the file name holds a control character', () => {
    expect(uploadErrorJa(badField('file', 'CONTROL_CHARACTER'), 'file')).toContain('ファイル名を変えて');
  });

  it('asks to check the file for any other problem of the file, whatever its wording', () => {
    expect(uploadErrorJa(badField('file', 'REQUIRED', 'is empty'), 'file')).toBe('ファイルを確認してください。');
  });

  it('says a file over the limit is too large, under ファイル', () => {
    const error = new ApiError(413, { statusCode: 413 });
    expect(uploadErrorJa(error, 'file')).toBe('ファイルが大きすぎます。100MBまでのファイルにしてください。');
    expect(uploadErrorJa(error, 'kind')).toBeUndefined();
  });

  it('speaks Japanese about anything else, as a whole', () => {
    expect(uploadErrorJa(new ApiError(403, { statusCode: 403 }))).toContain('担当範囲');
    expect(uploadErrorJa(new TypeError('Failed to fetch'))).toContain('通信できませんでした');
    expect(uploadErrorJa(new TypeError('Failed to fetch'), 'file')).toBeUndefined();
  });
});

describe('alreadyCommittedAs', () => {
  it('names the earlier import a 409 points at', () => {
    const error = new ApiError(409, {
      statusCode: 409,
      code: 'IMPORT_ALREADY_COMMITTED',
      message: 'The same file was already imported as 0b6f… (4月.csv)',
      details: [{ field: 'importId', code: 'IMPORT_ALREADY_COMMITTED', message: '0b6f8a52-6d1c-4a43-9d55-3b0f2d1f6a10' }],
    });
    expect(alreadyCommittedAs(error)).toBe('0b6f8a52-6d1c-4a43-9d55-3b0f2d1f6a10');
  });

  it('is nothing for another conflict', () => {
    expect(
      alreadyCommittedAs(
        new ApiError(409, {
          statusCode: 409,
          code: 'IMPORT_NOT_COMMITTABLE',
          details: [{ field: 'state', code: 'IMPORT_NOT_COMMITTABLE', message: 'is checking' }],
        }),
      ),
    ).toBeUndefined();
    expect(alreadyCommittedAs(new Error('x'))).toBeUndefined();
  });
});
