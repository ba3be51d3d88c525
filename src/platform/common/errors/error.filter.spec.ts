import { ArgumentsHost, BadRequestException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorFilter } from './error.filter';

/** What the filter answers for an exception: the status and the body it sends. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent;
}

const databaseError = (code: string, message: string): QueryFailedError =>
  new QueryFailedError('INSERT INTO unions (name) VALUES ($1)', ['a\u0000b'], Object.assign(new Error(message), { code }));

describe('ErrorFilter', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
  ])('answers a text the database cannot store (%s) with 400, not 500, and no SQL', (code, message) => {
    const { status, body } = answer(databaseError(code, message));
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_VALUE' });
    expect(JSON.stringify(body)).not.toMatch(/INSERT|0x00|escape/);
  });

  it('gives every 413 the code BODY_TOO_LARGE, whoever raised it', () => {
    expect(answer(new HttpException('Request body is too large', 413)).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is too large',
      code: 'BODY_TOO_LARGE',
    });
  });

  it('gives every answer a code: an exception without one gets its status’s, and each of its details the answer’s', () => {
    expect(answer(new NotFoundException('Cannot GET /api/v1/nothing')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(answer(new UnauthorizedException()).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(answer(Object.assign(new Error('Unexpected end of JSON input'), { statusCode: 400 })).body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    expect(answer(new Error('boom')).body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal error; it has been logged',
      code: 'INTERNAL',
    });
    const named = new BadRequestException({
      message: 'q: bad',
      code: 'INVALID_FIELD',
      details: [
        { field: 'q', message: 'bad' },
        { field: 'r', code: 'REQUIRED', message: 'x' },
      ],
    });
    expect(answer(named).body).toMatchObject({
      code: 'INVALID_FIELD',
      details: [
        { field: 'q', code: 'INVALID_FIELD', message: 'bad' },
        { field: 'r', code: 'REQUIRED', message: 'x' },
      ],
    });
  });
});
