import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { PlatformErrorCode } from '../../error-codes';
import { DomainError, ErrorCode, FieldProblem } from '../errors/domain-error';
import { edgeProblem } from './edge-checks';

/** Most problems one answer lists; a body with thousands of bad values gets these and a count. */
export const MAX_DETAILS = 100;

/**
 * The code of each class-validator rule (its constraint name). A rule of our own gives its
 * code as the context of its decorator (`{ context: { code } }`), which wins over this table.
 */
const CONSTRAINT_CODES: Record<string, ErrorCode> = {
  isNotEmpty: PlatformErrorCode.REQUIRED,
  isDefined: PlatformErrorCode.REQUIRED,
  arrayNotEmpty: PlatformErrorCode.TOO_FEW,
  minLength: PlatformErrorCode.TOO_SHORT,
  maxLength: PlatformErrorCode.TOO_LONG,
  isLength: PlatformErrorCode.TOO_LONG,
  arrayMinSize: PlatformErrorCode.TOO_FEW,
  arrayMaxSize: PlatformErrorCode.TOO_MANY,
  arrayUnique: PlatformErrorCode.REPEATED,
  isEmail: PlatformErrorCode.NOT_EMAIL,
  isInt: PlatformErrorCode.NOT_A_NUMBER,
  isNumber: PlatformErrorCode.NOT_A_NUMBER,
  isString: PlatformErrorCode.NOT_A_STRING,
  isBoolean: PlatformErrorCode.NOT_A_BOOLEAN,
  isArray: PlatformErrorCode.NOT_A_LIST,
  nestedValidation: PlatformErrorCode.NOT_AN_OBJECT,
  isObject: PlatformErrorCode.NOT_AN_OBJECT,
  min: PlatformErrorCode.OUT_OF_RANGE,
  max: PlatformErrorCode.OUT_OF_RANGE,
  isIn: PlatformErrorCode.NOT_ONE_OF,
  isEnum: PlatformErrorCode.NOT_ONE_OF,
  isUuid: PlatformErrorCode.INVALID_FORMAT,
  matches: PlatformErrorCode.INVALID_FORMAT,
  isCalendarDate: PlatformErrorCode.INVALID_FORMAT,
  isDateString: PlatformErrorCode.INVALID_FORMAT,
  isIso8601: PlatformErrorCode.INVALID_FORMAT,
  whitelistValidation: PlatformErrorCode.UNKNOWN_FIELD,
};

/** The code of a failed rule: its decorator's own, else the table's, else INVALID_VALUE. */
export function constraintCode(constraint: string, contexts?: Record<string, { code?: ErrorCode }>): ErrorCode {
  return contexts?.[constraint]?.code ?? CONSTRAINT_CODES[constraint] ?? PlatformErrorCode.INVALID_VALUE;
}

/** Flattens class-validator's tree into `items[17].delta`-style field paths, each problem with its code. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const field = parent ? (segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`) : segment;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const code = constraintCode(constraint, error.contexts);
      problems.push({ field, code, message: message.replace(/^property (\S+) should not exist$/, 'is not a known field') });
    }
    if (error.children?.length) problems.push(...fieldProblems(error.children, field));
  }
  return problems;
}

/** 400 INVALID_FIELD naming the first problems (at most MAX_DETAILS, and one entry counting the rest). */
export function invalidInput(problems: FieldProblem[]): DomainError {
  const unlisted = problems.length - MAX_DETAILS;
  const details: FieldProblem[] =
    unlisted > 0
      ? [...problems.slice(0, MAX_DETAILS), { field: '*', code: PlatformErrorCode.MORE_PROBLEMS, message: `${unlisted} more problems not listed` }]
      : problems;
  const summary = problems
    .slice(0, 5)
    .map((d) => `${d.field} ${d.message}`)
    .join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return new DomainError(PlatformErrorCode.INVALID_FIELD, HttpStatus.BAD_REQUEST, `Invalid input: ${summary}${more}`, details);
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Nest's ValidationPipe, with refusals first that its rules would come to too late: in a
 * body, query or path parameter, a NUL character (U+0000; PostgreSQL cannot store it in
 * text) or nesting deeper than any DTO (class-transformer would overflow the stack); and
 * a body that is not an object where a DTO is expected (an array would be validated
 * element by element, each element a list of problems). No body at all is an empty
 * object, as before.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = edgeProblem(value, metadata.data ?? '');
      if (problem) throw invalidInput([{ ...problem, field: problem.field || metadata.type }]);
    }
    if (metadata.type === 'body' && value !== undefined && value !== null && !isObject(value) && this.toValidate(metadata)) {
      throw invalidInput([{ field: metadata.data ?? 'body', code: PlatformErrorCode.NOT_AN_OBJECT, message: 'must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

/** The one validation pipe of the app: unknown fields rejected, values transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(fieldProblems(errors)),
  });
}
