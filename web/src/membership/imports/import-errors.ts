import { ApiError, errorMessageJa } from '../../platform/api/errors';

const TOO_LARGE = 'ファイルが大きすぎます。100MBまでのファイルにしてください。';

/**
 * What went wrong with an upload, in Japanese: about one field (`kind`, `file`) when asked
 * for it and the API named it, else about the whole request. Decided by code only.
 */
export function uploadErrorJa(error: unknown, field?: 'kind' | 'file'): string | undefined {
  if (!(error instanceof ApiError)) return field ? undefined : errorMessageJa(error);
  if (error.code === 'BODY_TOO_LARGE') return field === 'kind' ? undefined : TOO_LARGE;
  if (!field) return errorMessageJa(error);
  const about = error.body.details?.find((d) => d.field === 'kind' || d.field === 'file')?.field;
  if (error.status !== 400 || about !== field) return undefined;
  if (field === 'kind') return 'この種類のファイルはまだ取り込めません。';
  const problem = error.fieldCode('file');
  if (problem === 'CONTROL_CHARACTER') return 'ファイル名に使えない文字(制御文字)が含まれています。ファイル名を変えてから選び直してください。';
  return problem === 'EMPTY_FILE' ? 'ファイルが空です。' : 'ファイルを確認してください。';
}

/** The earlier import a 409 on commit names (`details[field=importId]`, its value the id), if it names one. */
export function alreadyCommittedAs(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || error.body.code !== 'IMPORT_ALREADY_COMMITTED') return undefined;
  return error.body.details?.find((d) => d.field === 'importId')?.message;
}
