import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BODY_LIMITS } from '../common/http/body-limits';

const ERROR_SCHEMA = 'ErrorResponseDto';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const REASONS: Record<string, string> = {
  '400': 'Bad input: the message names the field (details[].field)',
  '401': 'No or invalid bearer token or session',
  '403': 'Outside your role or scope',
  '404': 'Unknown, or outside your scope',
  '409': 'Conflict',
  '413': `The body is over the limit (BODY_TOO_LARGE): ${BODY_LIMITS.anyone / 1024} KB on public routes and for any request without a valid sign-in, ${BODY_LIMITS.signedIn / 1024 / 1024} MB on other routes unless they say more`,
};

const names = (operation: OperationObject, where: ParameterObject['in']): string[] =>
  (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p && p.in === where).map((p) => p.name);

/** A path naming a record by its id (`{id}`, `{prospectId}`): an unknown one is 404. */
const namesARecord = (operation: OperationObject): boolean => names(operation, 'path').some((name) => name === 'id' || name.endsWith('Id'));

/**
 * Every error answer of the document carries the one error body (ErrorResponseDto); and
 * the answers every route of a kind can give are declared once here rather than on each
 * route: 400 where the request has input (query, path or body; the global
 * ValidationPipe refuses bad input), 413 where it has a body (body-limits.ts) and 404
 * where the path names a record.
 */
export function describeErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  const body = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      if (hasInput) responses['400'] ??= { description: REASONS['400'] };
      if (operation.requestBody) responses['413'] ??= { description: REASONS['413'] };
      if (namesARecord(operation)) responses['404'] ??= { description: REASONS['404'] };
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        response.description ||= REASONS[status] ?? 'Error';
        response.content ??= body;
      }
    }
  }
  return document;
}
