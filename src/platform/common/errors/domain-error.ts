import { HttpStatus } from '@nestjs/common';
import { PlatformErrorCode } from '../../error-codes';

/**
 * Each area's list of codes (its error-codes.ts), by area. The platform lists its own;
 * an area adds its list from its error-codes.ts, so the arrow points from the area to
 * the platform:
 *
 *     declare module '../platform/common/errors/domain-error' {
 *       interface ErrorCodeRegistry { organizing: typeof OrganizingErrorCode }
 *     }
 */
export interface ErrorCodeRegistry {
  platform: typeof PlatformErrorCode;
}

type Codes<List> = List[keyof List];

/** Every code an error answer or a detail may carry, so a typo fails type-checking. */
export type ErrorCode = { [Area in keyof ErrorCodeRegistry]: Codes<ErrorCodeRegistry[Area]> }[keyof ErrorCodeRegistry];

/** One field to blame: its path (`items[17].delta`), a stable code for programs, and English words for people reading logs. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  message: string;
}

/**
 * A failure the caller can act on, thrown by services and mapped to an HTTP
 * answer in one place (ErrorFilter). `code` is stable and machine-readable.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
  }
}

export const notFound = (what: string): DomainError => new DomainError(PlatformErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND, `${what} not found`);

/** 400 INVALID_FIELD naming one field, with the code of what is wrong with it. */
export const badField = (field: string, code: ErrorCode, message: string): DomainError =>
  new DomainError(PlatformErrorCode.INVALID_FIELD, HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, code, message }]);

/** 409 with the conflict's code; a detail that names no code of its own carries the conflict's. */
/** 400 INVALID_FIELD with the problems of several fields (or of one, said in the caller's words). */
export const invalidFields = (message: string, details: FieldProblem[]): DomainError =>
  new DomainError(PlatformErrorCode.INVALID_FIELD, HttpStatus.BAD_REQUEST, message, details);

export const conflict = (code: ErrorCode, message: string, details?: (Omit<FieldProblem, 'code'> & { code?: ErrorCode })[]): DomainError =>
  new DomainError(
    code,
    HttpStatus.CONFLICT,
    message,
    details?.map((detail) => ({ ...detail, code: detail.code ?? code })),
  );

export const staleVersion = (): DomainError =>
  conflict(PlatformErrorCode.STALE_VERSION, 'The record was changed by someone else; reload it and try again', [
    { field: 'version', code: PlatformErrorCode.STALE_VERSION, message: 'is not the current version' },
  ]);

export const forbidden = (message = 'Not allowed for your role or scope'): DomainError =>
  new DomainError(PlatformErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, message);
