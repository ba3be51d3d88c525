import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength, validate } from 'class-validator';
import { MAX_DETAILS, fieldProblems, invalidInput } from './validation.pipe';
import { IsCalendarDate, IsMonth } from './validators';

class Sample {
  @IsEmail() email!: string;
  @IsString() @MinLength(8) password!: string;
  @MaxLength(3) name!: string;
  @IsInt() @Min(1) @Max(9) count!: number;
  @IsIn(['a', 'b']) kind!: string;
  @IsUUID() id!: string;
  @IsCalendarDate() day!: string;
  @IsMonth() month!: string;
  @IsBoolean() flag!: boolean;
  @IsArray() @ArrayMaxSize(1) list!: string[];
}

const codesOf = async (value: Record<string, unknown>): Promise<Record<string, string[]>> => {
  const errors = await validate(plainToInstance(Sample, value), { whitelist: true, forbidNonWhitelisted: true });
  const codes: Record<string, string[]> = {};
  for (const p of fieldProblems(errors)) (codes[p.field] ??= []).push(p.code);
  return codes;
};

describe('the validation pipe’s codes', () => {
  it('names each broken rule of class-validator by its code', async () => {
    const codes = await codesOf({
      email: 'x',
      password: 'short',
      name: 'long',
      count: 12,
      kind: 'c',
      id: 'x',
      day: '2026-02-30',
      month: '2026-13',
      flag: 'yes',
      list: ['a', 'b'],
      colour: 'red',
    });
    expect(codes).toEqual({
      email: ['NOT_EMAIL'],
      password: ['TOO_SHORT'],
      name: ['TOO_LONG'],
      count: ['OUT_OF_RANGE'],
      kind: ['NOT_ONE_OF'],
      id: ['INVALID_FORMAT'],
      day: ['INVALID_FORMAT'],
      month: ['INVALID_FORMAT'],
      flag: ['NOT_A_BOOLEAN'],
      list: ['TOO_MANY'],
      colour: ['UNKNOWN_FIELD'],
    });
    expect((await codesOf({ count: 1.5 })).count).toEqual(['NOT_A_NUMBER']);
  });

  it('counts the problems it does not list under MORE_PROBLEMS', () => {
    const many = Array.from({ length: MAX_DETAILS + 3 }, (_, i) => ({ field: `f${i}`, code: 'REQUIRED' as const, message: 'x' }));
    const details = invalidInput(many).details ?? [];
    expect(details).toHaveLength(MAX_DETAILS + 1);
    expect(details[MAX_DETAILS]).toEqual({ field: '*', code: 'MORE_PROBLEMS', message: '3 more problems not listed' });
  });
});
