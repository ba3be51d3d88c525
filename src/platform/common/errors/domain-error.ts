import { HttpStatus } from '@nestjs/common';

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
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('NOT_FOUND', HttpStatus.NOT_FOUND, `${what} not found`);

export const badField = (field: string, message: string): DomainError =>
  new DomainError('INVALID_FIELD', HttpStatus.BAD_REQUEST, `${field}: ${message}`, [{ field, message }]);

export const conflict = (code: string, message: string, details?: FieldProblem[]): DomainError =>
  new DomainError(code, HttpStatus.CONFLICT, message, details);

export const staleVersion = (): DomainError =>
  conflict('STALE_VERSION', 'The record was changed by someone else; reload it and try again', [
    { field: 'version', message: 'is not the current version' },
  ]);

export const forbidden = (message = 'Not allowed for your role or scope'): DomainError =>
  new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, message);
