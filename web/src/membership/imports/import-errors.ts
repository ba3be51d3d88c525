import { ApiError, errorMessageJa } from '../../platform/api/errors';

/**
 * What went wrong with an upload, in Japanese: about one field (`kind`, `file`) when asked
 * for it and the API named it, else about the whole request.
 */
export function uploadErrorJa(error: unknown, field?: 'kind' | 'file'): string | undefined {
  if (!(error instanceof ApiError)) return field ? undefined : errorMessageJa(error);
  const about = error.body.details?.find((d) => d.field === 'kind' || d.field === 'file')?.field;
  if (field) {
    if (error.status === 413) return field === 'file' ? 'ファイルが大きすぎます。100MBまでのファイルにしてください。' : undefined;
    if (error.status !== 400 || about !== field) return undefined;
    if (field === 'kind') return 'この種類のファイルはまだ取り込めません。';
    const problem = error.fieldMessage('file') ?? '';
    if (/control characters/i.test(problem)) return 'ファイル名に使えない文字(制御文字)が含まれています。ファイル名を変えてから選び直してください。';
    return /empty/i.test(problem) ? 'ファイルが空です。' : 'ファイルを確認してください。';
  }
  if (error.status === 413) return 'ファイルが大きすぎます。100MBまでのファイルにしてください。';
  return errorMessageJa(error);
}

/** The earlier import a 409 on commit names (`details[field=importId]`), if it names one. */
export function alreadyCommittedAs(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || error.body.code !== 'IMPORT_ALREADY_COMMITTED') return undefined;
  return error.body.details?.find((d) => d.field === 'importId')?.message;
}
