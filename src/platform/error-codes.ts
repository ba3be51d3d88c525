/**
 * The platform's error codes: the answers every area shares (a record missing or out
 * of scope, a bad field, a role, a stale version, a body too large, a database
 * constraint), those of sign-in, users and idempotency keys, and the codes of the
 * `details[]` entries any route can give (what the validation pipe finds). Each area lists
 * its own codes beside it (structure/, membership/, organizing/, insight/) and adds its list
 * to ErrorCodeRegistry (common/errors/domain-error.ts). A code is listed once, whether a
 * body or a detail carries it.
 */
export const PlatformErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_FIELD: 'INVALID_FIELD',
  FORBIDDEN: 'FORBIDDEN',
  STALE_VERSION: 'STALE_VERSION',
  // the request itself: a body over the limit for its route or its caller (body-limits.ts),
  // one that cannot be read, or a status no code above names (error.filter.ts)
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  // database constraints (constraint-messages.ts)
  DUPLICATE: 'DUPLICATE',
  STILL_REFERENCED: 'STILL_REFERENCED',
  UNKNOWN_REFERENCE: 'UNKNOWN_REFERENCE',
  INVALID_VALUE: 'INVALID_VALUE',
  RETRY: 'RETRY',
  // sign-in, users, idempotency keys
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  WRONG_CREDENTIALS: 'WRONG_CREDENTIALS',
  TOO_MANY_FAILED_LOGINS: 'TOO_MANY_FAILED_LOGINS',
  CSRF_TOKEN_MISSING: 'CSRF_TOKEN_MISSING',
  CANNOT_DEMOTE_SELF: 'CANNOT_DEMOTE_SELF',
  CANNOT_DELETE_SELF: 'CANNOT_DELETE_SELF',
  CANNOT_DISABLE_SELF: 'CANNOT_DISABLE_SELF',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  // details[]: what is wrong with one field (the validation pipe maps class-validator's rules here)
  REQUIRED: 'REQUIRED',
  MUST_BE_EMPTY: 'MUST_BE_EMPTY',
  CANNOT_BE_CLEARED: 'CANNOT_BE_CLEARED',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  TOO_FEW: 'TOO_FEW',
  TOO_MANY: 'TOO_MANY',
  NOT_EMAIL: 'NOT_EMAIL',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  NOT_A_STRING: 'NOT_A_STRING',
  NOT_A_BOOLEAN: 'NOT_A_BOOLEAN',
  NOT_A_LIST: 'NOT_A_LIST',
  NOT_AN_OBJECT: 'NOT_AN_OBJECT',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  NOT_ONE_OF: 'NOT_ONE_OF',
  INVALID_FORMAT: 'INVALID_FORMAT',
  REPEATED: 'REPEATED',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  NUL_CHARACTER: 'NUL_CHARACTER',
  CONTROL_CHARACTER: 'CONTROL_CHARACTER',
  EMPTY_FILE: 'EMPTY_FILE',
  TOO_DEEP: 'TOO_DEEP',
  IN_THE_FUTURE: 'IN_THE_FUTURE',
  DATES_OUT_OF_ORDER: 'DATES_OUT_OF_ORDER',
  RANGE_TOO_LONG: 'RANGE_TOO_LONG',
  NOT_COMBINABLE: 'NOT_COMBINABLE',
  // a record outside the caller's scope (a 404 names which field points at it)
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  // the entry that counts the problems an answer does not list (validation.pipe.ts)
  MORE_PROBLEMS: 'MORE_PROBLEMS',
  // imports (platform/imports): a commit of a file not checked clean, or of one already committed
  IMPORT_NOT_COMMITTABLE: 'IMPORT_NOT_COMMITTABLE',
  IMPORT_ALREADY_COMMITTED: 'IMPORT_ALREADY_COMMITTED',
} as const;

export type PlatformErrorCode = (typeof PlatformErrorCode)[keyof typeof PlatformErrorCode];
