import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

// "none" is reserved: it is the rollup group of unions without a federation
export const CODE_PATTERN = /^(?!none$)[a-z0-9][a-z0-9_-]{0,49}$/;
export const CODE_MESSAGE = '$property must be 1-50 lowercase letters, digits, "-" or "_" (not "none")';

/** The code and names every kind of reference data carries (sectors, federations, councils). */
export abstract class CodeAndNames {
  /** Stable code, e.g. "sec1", "f03", "shonan". */
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  /** Japanese name, e.g. 製造部門, UAゼンセン, 湘南地域連合. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  /** English name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;
}
