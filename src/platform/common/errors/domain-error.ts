import { HttpStatus } from '@nestjs/common';
import type { InsightErrorCode } from '../../../insight/error-codes';
import type { MembershipErrorCode } from '../../../membership/error-codes';
import type { OrganizingErrorCode } from '../../../organizing/error-codes';
import type { StructureErrorCode } from '../../../structure/error-codes';
import { PlatformErrorCode } from '../../error-codes';

/** Each area's list of codes (its error-codes.ts) as one object type. */
type ErrorCodeLists = typeof PlatformErrorCode & typeof StructureErrorCode & typeof MembershipErrorCode & typeof OrganizingErrorCode & typeof InsightErrorCode;

/** Every code an error answer may carry, so a typo fails type-checking. */
export type ErrorCode = ErrorCodeLists[keyof ErrorCodeLists];

export interface FieldProblem {
  field: string;
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

export const badField = (field: string, message: string): DomainError =>
  new DomainError(PlatformErrorCode.INVALID_FIELD, HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message }]);

export const conflict = (code: ErrorCode, message: string, details?: FieldProblem[]): DomainError =>
  new DomainError(code, HttpStatus.CONFLICT, message, details);

export const staleVersion = (): DomainError =>
  conflict(PlatformErrorCode.STALE_VERSION, 'The record was changed by someone else; reload it and try again', [
    { field: 'version', message: 'is not the current version' },
  ]);

export const forbidden = (message = 'Not allowed for your role or scope'): DomainError =>
  new DomainError(PlatformErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, message);
