import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorCode, FieldProblem } from './domain-error';

// `code` refers to the schema ErrorCode, the enum of every area's codes: openapi/error-codes.ts declares both

/** One field to blame: `items[17].delta`, `email`, with the code of what is wrong. */
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'delta' })
  field!: string;

  @ApiProperty({
    description: 'Stable, machine-readable: what is wrong with the field (REQUIRED, SIGN_MISMATCH, …); decide by this, not by message.',
  })
  code!: ErrorCode;

  @ApiProperty({ example: 'must not be zero', description: 'English, for people reading logs; its wording may change.' })
  message!: string;
}

/** The body of every error answer (ErrorFilter shapes it); never a stack, SQL or path. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'delta: must not be zero', description: 'English, for people reading logs; its wording may change.' })
  message!: string;

  @ApiProperty({ description: 'Stable, machine-readable: NOT_FOUND, STALE_VERSION, DUPLICATE, …; decide by this, not by message.' })
  code!: ErrorCode;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Present when fields are to blame.' })
  details?: FieldProblemDto[];
}
