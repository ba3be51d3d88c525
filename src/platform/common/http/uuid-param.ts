import { Param, ParseUUIDPipe } from '@nestjs/common';
import { PlatformErrorCode } from '../../error-codes';
import { invalidFields } from '../errors/domain-error';

/** A `:name` path parameter that must be a UUID; a malformed one is 400 naming it. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => invalidFields(`${name} must be a UUID`, [{ field: name, code: PlatformErrorCode.INVALID_FORMAT, message: 'must be a UUID' }]),
    }),
  );
