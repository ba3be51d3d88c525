import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from '../errors/domain-error';

/** Flattens class-validator's tree into `items[17].delta`-style field paths. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const field = parent ? (segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`) : segment;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ field, message: message.replace(/^property (\S+) should not exist$/, 'is not a known field') });
    }
    if (error.children?.length) problems.push(...fieldProblems(error.children, field));
  }
  return problems;
}

/** The one validation pipe of the app: unknown fields rejected, values transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = fieldProblems(errors);
      const summary = details
        .slice(0, 5)
        .map((d) => `${d.field} ${d.message}`)
        .join('; ');
      return new BadRequestException({ message: `Invalid input: ${summary}`, details });
    },
  });
}
