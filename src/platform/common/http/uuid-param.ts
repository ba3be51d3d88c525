import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A `:name` path parameter that must be a UUID; a malformed one is 400 naming it. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new BadRequestException({ message: `${name} must be a UUID`, details: [{ field: name, message: 'must be a UUID' }] }),
    }),
  );
