import { BadRequestException } from '@nestjs/common';
import type { ErrorCode } from '../common/errors/domain-error';
import { PlatformErrorCode } from '../error-codes';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** 400 naming `format`, in the error shape of every other bad field. */
export function formatProblem(code: ErrorCode, message: string): BadRequestException {
  return new BadRequestException({
    message: `Invalid input: format ${message}`,
    code: PlatformErrorCode.INVALID_FIELD,
    details: [{ field: 'format', code, message }],
  });
}

export function parseFormat(value: unknown): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f === value);
  if (!format) throw formatProblem(PlatformErrorCode.NOT_ONE_OF, `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return format;
}

/**
 * `attachment; filename="growth-2026-04-01.xlsx"; filename*=UTF-8''組織拡大の推移_2026-04-01.xlsx`
 * (percent-encoded): browsers take the Japanese name, older clients the ASCII one.
 */
export function contentDisposition(fileName: string, asciiName: string, day: string, format: ExportFormat): string {
  const japanese = `${fileName}_${day}.${format}`;
  const ascii = `${asciiName}-${day}.${format}`.replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(japanese).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
