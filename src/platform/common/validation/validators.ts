import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Matches, ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/** A real calendar day written YYYY-MM-DD (Japan calendar days). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function IsCalendarDate(options?: ValidationOptions & { api?: ApiPropertyOptions }): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: { validate: isCalendarDate, defaultMessage: buildMessage((each) => `${each}$property must be a date YYYY-MM-DD`, options) },
      },
      options,
    ),
    ApiProperty({ type: String, format: 'date', example: '2026-04-01', ...options?.api }),
  );
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function IsMonth(options?: ValidationOptions & { api?: ApiPropertyOptions }): PropertyDecorator {
  return applyDecorators(
    Matches(MONTH_PATTERN, { message: '$property must be a month YYYY-MM', ...options }),
    ApiProperty({ type: String, example: '2026-04', pattern: MONTH_PATTERN.source, ...options?.api }),
  );
}
