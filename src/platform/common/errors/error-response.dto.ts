import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorCode, FieldProblem } from './domain-error';

/** One field to blame: `items[17].delta`, `email`. */
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'delta' })
  field!: string;

  @ApiProperty({ example: 'must not be zero' })
  message!: string;
}

/** The body of every error answer (ErrorFilter shapes it); never a stack, SQL or path. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'delta: must not be zero' })
  message!: string;

  @ApiPropertyOptional({ type: 'string', description: 'Stable, machine-readable: NOT_FOUND, STALE_VERSION, DUPLICATE, …', example: 'INVALID_FIELD' })
  code?: ErrorCode;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Present when fields are to blame.' })
  details?: FieldProblemDto[];
}
