import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import type { ErrorCode, FieldProblem } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { MembershipErrorCode } from '../error-codes';
import { isCalendarDate } from '../../platform/common/validation/validators';
import { EMPLOYMENT_TYPES, GENDERS } from '../vocabulary';
import { CAUSE_MESSAGE, CLIENT_CAUSES, MAX_ABS_DELTA, deltaSignProblem } from './membership-change.rules';

type Item = Record<string, unknown>;

/** One rule of a field: its code, and what is wrong (naming the field, as class-validator does) or null. */
interface FieldCheck {
  code: ErrorCode;
  problem(value: unknown, item: Item): string | null;
}

interface FieldRule {
  optional: boolean;
  /** In order: a value is held to a rule only once it passes the ones before. */
  checks: readonly FieldCheck[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const isEmploymentType = oneOf(EMPLOYMENT_TYPES);
const isGender = oneOf(GENDERS);
const isClientCause = oneOf(CLIENT_CAUSES);
export const MAX_NOTE_LENGTH = 1000;

const check = (code: ErrorCode, problem: FieldCheck['problem']): FieldCheck => ({ code, problem });

/**
 * The rules of one membership change, written once. The DTO of POST /membership-changes
 * applies them through class-validator (one constraint per rule, its code as the
 * constraint's context); the bulk endpoint applies the same functions by hand, which is
 * many times faster over 10,000 items, so both answer with the same fields, codes and
 * messages.
 */
export const CHANGE_FIELDS = {
  unionId: {
    optional: false,
    checks: [check(PlatformErrorCode.INVALID_FORMAT, (v) => (typeof v === 'string' && UUID.test(v) ? null : 'unionId must be a UUID'))],
  },
  effectiveOn: {
    optional: false,
    checks: [check(PlatformErrorCode.INVALID_FORMAT, (v) => (isCalendarDate(v) ? null : 'effectiveOn must be a date YYYY-MM-DD'))],
  },
  delta: {
    optional: false,
    checks: [
      check(PlatformErrorCode.OUT_OF_RANGE, (v) =>
        typeof v !== 'number' || !Number.isInteger(v) || v === 0 || Math.abs(v) > MAX_ABS_DELTA
          ? `delta must be a non-zero integer between -${MAX_ABS_DELTA} and ${MAX_ABS_DELTA}`
          : null,
      ),
      check(MembershipErrorCode.SIGN_MISMATCH, (v, item) => deltaSignProblem(item.cause, v)),
    ],
  },
  cause: { optional: false, checks: [check(PlatformErrorCode.NOT_ONE_OF, (v) => (isClientCause(v) ? null : CAUSE_MESSAGE))] },
  employmentType: {
    optional: false,
    checks: [check(PlatformErrorCode.NOT_ONE_OF, (v) => (isEmploymentType(v) ? null : `employmentType must be one of: ${EMPLOYMENT_TYPES.join(', ')}`))],
  },
  gender: { optional: true, checks: [check(PlatformErrorCode.NOT_ONE_OF, (v) => (isGender(v) ? null : `gender must be one of: ${GENDERS.join(', ')}`))] },
  note: {
    optional: true,
    checks: [
      check(PlatformErrorCode.TOO_LONG, (v) =>
        typeof v === 'string' && v.length <= MAX_NOTE_LENGTH ? null : `note must be a string of at most ${MAX_NOTE_LENGTH} characters`,
      ),
    ],
  },
} satisfies Record<string, FieldRule>;
export type ChangeField = keyof typeof CHANGE_FIELDS;
const FIELD_NAMES = Object.keys(CHANGE_FIELDS) as ChangeField[];
const KNOWN = new Set<string>(FIELD_NAMES);

/** The first rule of a field the value breaks, with its message; null when it keeps them all. */
function firstProblem(rule: FieldRule, value: unknown, item: Item): { check: FieldCheck; message: string } | null {
  for (const check of rule.checks) {
    const message = check.problem(value, item);
    if (message !== null) return { check, message };
  }
  return null;
}

/** class-validator decorator (and OpenAPI description) applying CHANGE_FIELDS[name], one constraint per rule. */
export function ChangeFieldRule(name: ChangeField, api: ApiPropertyOptions): PropertyDecorator {
  const rule: FieldRule = CHANGE_FIELDS[name];
  const brokenAt = (value: unknown, object: unknown): FieldCheck | undefined => firstProblem(rule, value, (object ?? {}) as Item)?.check;
  return applyDecorators(
    ...(rule.optional ? [IsOptional()] : []),
    ...rule.checks.map((check, i) =>
      ValidateBy(
        {
          name: `membershipChange_${name}_${i}`,
          validator: {
            validate: (value, args) => brokenAt(value, args?.object) !== check,
            defaultMessage: (args) => check.problem(args?.value, (args?.object ?? {}) as Item) ?? `${name} is invalid`,
          },
        },
        { context: { code: check.code } },
      ),
    ),
    rule.optional ? ApiPropertyOptional(api) : ApiProperty(api),
  );
}

/** Most problems listed in one answer; a file with 10,000 bad rows gets the first ones. */
export const MAX_PROBLEMS = 200;

/**
 * Checks the items of a bulk request by hand with CHANGE_FIELDS; field paths like
 * `items[17].delta`, unknown fields refused as everywhere else.
 */
export function itemProblems(items: readonly unknown[], path = 'items'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (let i = 0; i < items.length && problems.length < MAX_PROBLEMS; i++) {
    const item = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ field: `${path}[${i}]`, code: PlatformErrorCode.NOT_AN_OBJECT, message: 'each item must be an object' });
      continue;
    }
    const record = item as Item;
    for (const key of Object.keys(record)) {
      if (!KNOWN.has(key)) problems.push({ field: `${path}[${i}].${key}`, code: PlatformErrorCode.UNKNOWN_FIELD, message: 'is not a known field' });
    }
    for (const name of FIELD_NAMES) {
      const rule: FieldRule = CHANGE_FIELDS[name];
      const value = record[name];
      if (rule.optional && (value === undefined || value === null)) continue;
      const broken = firstProblem(rule, value, record);
      if (broken) problems.push({ field: `${path}[${i}].${name}`, code: broken.check.code, message: broken.message });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
