import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { PlatformErrorCode } from '../../error-codes';

/** A `:name` path parameter that must be a UUID; a malformed one is 400 naming it. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${name} must be a UUID`,
          code: PlatformErrorCode.INVALID_FIELD,
          details: [{ field: name, code: PlatformErrorCode.INVALID_FORMAT, message: 'must be a UUID' }],
        }),
    }),
  );
