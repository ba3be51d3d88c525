/**
 * The platform's error codes: the answers every area shares (a record missing or out
 * of scope, a bad field, a role, a stale version, a body too large, a database
 * constraint) and those of sign-in, users and idempotency keys. Each area lists its own
 * codes beside it (structure/, membership/, organizing/, insight/); DomainError accepts
 * only these.
 */
export const PlatformErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_FIELD: 'INVALID_FIELD',
  FORBIDDEN: 'FORBIDDEN',
  STALE_VERSION: 'STALE_VERSION',
  // the request itself: a body over the limit for its route or its caller (body-limits.ts)
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  // database constraints (constraint-messages.ts)
  DUPLICATE: 'DUPLICATE',
  STILL_REFERENCED: 'STILL_REFERENCED',
  UNKNOWN_REFERENCE: 'UNKNOWN_REFERENCE',
  INVALID_VALUE: 'INVALID_VALUE',
  RETRY: 'RETRY',
  // sign-in, users, idempotency keys
  TOO_MANY_FAILED_LOGINS: 'TOO_MANY_FAILED_LOGINS',
  CSRF_TOKEN_MISSING: 'CSRF_TOKEN_MISSING',
  CANNOT_DEMOTE_SELF: 'CANNOT_DEMOTE_SELF',
  CANNOT_DELETE_SELF: 'CANNOT_DELETE_SELF',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  // imports (platform/imports): a commit of a file not checked clean, or of one already committed
  IMPORT_NOT_COMMITTABLE: 'IMPORT_NOT_COMMITTABLE',
  IMPORT_ALREADY_COMMITTED: 'IMPORT_ALREADY_COMMITTED',
} as const;

export type PlatformErrorCode = (typeof PlatformErrorCode)[keyof typeof PlatformErrorCode];
