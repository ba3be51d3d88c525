import type { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { ErrorCode } from '../common/errors/domain-error';

/** The schema of every code; the error body's `code` and each detail's `code` refer to it. */
export const ERROR_CODE_SCHEMA = 'ErrorCode';
/** The schemas that carry a code: the error body and a detail. */
const WITH_CODE = ['ErrorResponseDto', 'FieldProblemDto'];

/**
 * Declares the enum of every error code (the schema `ErrorCode`) and makes the `code` of
 * the error body and of each detail refer to it. The codes come from where the app is
 * assembled (each area's list), so the platform names none of the areas.
 */
export function describeErrorCodes(document: OpenAPIObject, codes: readonly ErrorCode[]): OpenAPIObject {
  const schemas = ((document.components ??= {}).schemas ??= {});
  schemas[ERROR_CODE_SCHEMA] = {
    type: 'string',
    description:
      'Every code an error body or a details[] entry may carry. Stable: programs and the console decide by the code, never by the wording of message.',
    enum: [...codes],
  };
  for (const name of WITH_CODE) {
    const schema = schemas[name] as SchemaObject;
    const code = schema.properties?.code as SchemaObject;
    schema.properties = { ...schema.properties, code: { allOf: [{ $ref: `#/components/schemas/${ERROR_CODE_SCHEMA}` }], description: code.description } };
  }
  return document;
}
