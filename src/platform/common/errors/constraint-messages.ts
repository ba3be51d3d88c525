import { QueryFailedError } from 'typeorm';
import { PlatformErrorCode } from '../../error-codes';
import type { FieldProblem } from './domain-error';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

interface Mapped {
  statusCode: number;
  error: string;
  message: string;
  code: PlatformErrorCode;
  details?: FieldProblem[];
}

const camel = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The column a unique/foreign-key constraint is about, read from PostgreSQL's detail "Key (code)=(x)". */
function keyField(detail: string | undefined): string | undefined {
  const match = /Key \(([^)]+)\)/.exec(detail ?? '');
  if (!match) return undefined;
  const column = match[1]
    .replace(/^lower\((.*)\)$/, '$1')
    .split(',')[0]
    .trim();
  return camel(column);
}

/**
 * Turns database constraint violations into client errors: a duplicate is 409
 * naming the field, a row still referenced is 409, a reference to a missing row
 * is 400, and so is a text the database cannot store. A deadlock, serialization failure
 * or lock timeout is 503 RETRY: nothing was written and the same request may simply be
 * sent again. Unknown database errors return undefined (a 500, logged).
 */
export function constraintProblem(error: QueryFailedError): Mapped | undefined {
  const pg = error.driverError as PgError;
  switch (pg.code ?? '') {
    case '23505': {
      const field = keyField(pg.detail) ?? 'code';
      return {
        statusCode: 409,
        error: 'Conflict',
        code: PlatformErrorCode.DUPLICATE,
        message: `${field} is already in use`,
        details: [{ field, code: PlatformErrorCode.DUPLICATE, message: 'is already in use' }],
      };
    }
    case '23503': {
      if (/is still referenced/.test(pg.detail ?? '')) {
        return {
          statusCode: 409,
          error: 'Conflict',
          code: PlatformErrorCode.STILL_REFERENCED,
          message: `Still referenced by ${pg.detail?.match(/from table "([^"]+)"/)?.[1] ?? 'other records'}; remove those first`,
        };
      }
      const field = keyField(pg.detail) ?? 'id';
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: PlatformErrorCode.UNKNOWN_REFERENCE,
        message: `${field} refers to a record that does not exist`,
        details: [{ field, code: PlatformErrorCode.UNKNOWN_REFERENCE, message: 'refers to a record that does not exist' }],
      };
    }
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: PlatformErrorCode.INVALID_VALUE,
        message: `A value is not allowed here (${pg.constraint ?? 'invalid input'})`,
      };
    case '22021': // character_not_in_repertoire: a NUL in text, or bytes that are not UTF-8
    case '22P05': // untranslatable_character: a \u0000 in a jsonb value
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: PlatformErrorCode.INVALID_VALUE,
        message: 'A text holds a character that cannot be stored (such as NUL, U+0000)',
      };
    case '40P01': // deadlock_detected
    case '40001': // serialization_failure
    case '55P03': // lock_not_available
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        code: PlatformErrorCode.RETRY,
        message: 'The database was busy with a conflicting change; retry the request',
      };
    default:
      return undefined;
  }
}
