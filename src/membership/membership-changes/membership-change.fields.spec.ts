import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldProblems } from '../../platform/common/validation/validation.pipe';
import { CreateMembershipChangeDto } from './dto/create-membership-change.dto';
import { itemProblems } from './membership-change.fields';
import { deltaSignProblem } from './membership-change.rules';

const valid = {
  unionId: '3f0a7a4e-2b1c-4d5e-8f90-123456789abc',
  effectiveOn: '2026-04-01',
  delta: 4,
  cause: 'new_hire',
  employmentType: 'regular',
  gender: 'female',
  note: 'ok',
};

async function viaClassValidator(item: Record<string, unknown>): Promise<{ field: string; code: string; message: string }[]> {
  const errors = await validate(plainToInstance(CreateMembershipChangeDto, item), { whitelist: true, forbidNonWhitelisted: true });
  return fieldProblems(errors);
}

const sorted = (problems: { field: string; message: string }[]) => [...problems].sort((a, b) => a.field.localeCompare(b.field));

describe('membership change rules', () => {
  it.each([
    ['a valid item', {}],
    ['an increase with a negative delta', { delta: -4 }],
    ['a decrease with a positive delta', { cause: 'retirement' }],
    ['a decrease with a negative delta', { cause: 'retirement', delta: -1 }],
    ['zero', { delta: 0 }],
    ['a fraction', { delta: 0.5 }],
    ['a string delta', { delta: '4' }],
    ['a huge delta', { delta: 5_000_000 }],
    ['the survey cause', { cause: 'survey_adjustment' }],
    ['an unknown cause', { cause: 'layoff' }],
    ['a bad day', { effectiveOn: '2026-02-29' }],
    ['a malformed union id', { unionId: '123' }],
    ['a missing union id', { unionId: undefined }],
    ['an unknown employment type', { employmentType: 'intern' }],
    ['a null gender (optional)', { gender: null }],
    ['an unknown gender', { gender: 'x' }],
    ['a long note', { note: 'x'.repeat(1001) }],
    ['an unknown field', { colour: 'red' }],
    ['many problems at once', { delta: 'x', cause: 'x', employmentType: 1, effectiveOn: null, extra: true }],
  ])('the bulk check and class-validator agree on %s', async (_, over) => {
    const item = { ...valid, ...over } as Record<string, unknown>;
    for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
    const byHand = itemProblems([item]).map((p) => ({ ...p, field: p.field.replace(/^items\[0\]\./, '') }));
    expect(sorted(byHand)).toEqual(sorted(await viaClassValidator(item)));
  });

  it('gives each problem the code of its rule, the same both ways', async () => {
    const codes = (problems: { field: string; code: string }[]) => Object.fromEntries(problems.map((p) => [p.field.replace(/^items\[0\]\./, ''), p.code]));
    const item = { ...valid, delta: -4, cause: 'new_hire', effectiveOn: '2026-02-30', unionId: 'x', gender: 'x', note: 'x'.repeat(1001), colour: 'red' };
    const expected = {
      delta: 'SIGN_MISMATCH',
      effectiveOn: 'INVALID_FORMAT',
      unionId: 'INVALID_FORMAT',
      gender: 'NOT_ONE_OF',
      note: 'TOO_LONG',
      colour: 'UNKNOWN_FIELD',
    };
    expect(codes(itemProblems([item]))).toEqual(expected);
    expect(codes(await viaClassValidator(item))).toEqual(expected);
    expect(codes(itemProblems([{ ...valid, delta: 0, cause: 'layoff' }]))).toEqual({ delta: 'OUT_OF_RANGE', cause: 'NOT_ONE_OF' });
  });

  it('names the sign rule by cause kind', () => {
    expect(deltaSignProblem('new_hire', -1)).toBe('delta must be positive for the increase cause new_hire');
    expect(deltaSignProblem('death', 1)).toBe('delta must be negative for the decrease cause death');
    expect(deltaSignProblem('death', -1)).toBeNull();
    expect(deltaSignProblem('survey_adjustment', 5)).toBeNull();
  });

  it('reports item paths and stops listing after 200 problems', () => {
    const items = Array.from({ length: 1000 }, () => ({ ...valid, delta: 0 }));
    const problems = itemProblems(items);
    expect(problems).toHaveLength(200);
    expect(problems[17].field).toBe('items[17].delta');
    expect(itemProblems([valid, 'x'])).toEqual([{ field: 'items[1]', code: 'NOT_AN_OBJECT', message: 'each item must be an object' }]);
  });
});
