import type { OpenAPIObject } from '@nestjs/swagger';
import type { ErrorCode } from '../common/errors/domain-error';
import { ERROR_CODE_SCHEMA } from '../common/errors/error-response.dto';

/**
 * Declares the enum of every error code (the schema `ErrorCode`, which the error body's
 * `code` and each detail's `code` refer to). The codes come from where the app is
 * assembled (each area's list), so the platform names none of the areas.
 */
export function describeErrorCodes(document: OpenAPIObject, codes: readonly ErrorCode[]): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[ERROR_CODE_SCHEMA] = {
    type: 'string',
    description:
      'Every code an error body or a details[] entry may carry. Stable: programs and the console decide by the code, never by the wording of message.',
    enum: [...codes],
  };
  return document;
}
