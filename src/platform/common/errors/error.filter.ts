import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, FieldProblem } from './domain-error';
import { PlatformErrorCode } from '../../error-codes';
import { constraintProblem } from './constraint-messages';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
  details?: FieldProblem[];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of an answer nothing more specific named: by its status. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: PlatformErrorCode.BAD_REQUEST,
  401: PlatformErrorCode.UNAUTHENTICATED,
  403: PlatformErrorCode.FORBIDDEN,
  404: PlatformErrorCode.NOT_FOUND,
  413: PlatformErrorCode.BODY_TOO_LARGE,
  415: PlatformErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: PlatformErrorCode.RATE_LIMITED,
  503: PlatformErrorCode.UNAVAILABLE,
};
const statusCodeOf = (status: number): ErrorCode => STATUS_CODES[status] ?? (status >= 500 ? PlatformErrorCode.INTERNAL : PlatformErrorCode.BAD_REQUEST);

/** A detail from outside our own errors (a Nest exception's body) without a code gets the answer's. */
const withCodes = (details: (Omit<FieldProblem, 'code'> & { code?: ErrorCode })[], code: ErrorCode): FieldProblem[] =>
  details.map((detail) => ({ ...detail, code: detail.code ?? code }));

function body(statusCode: number, message: string, { code, ...extra }: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', message, code: code ?? statusCodeOf(statusCode), ...extra };
}

/** Maps every error to the contract's error body; never leaks a stack, SQL or path. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const answer = this.toBody(exception);
    // a body too large, whoever refused it (Fastify, the multipart reader): one code
    if (answer.statusCode === 413) answer.code = PlatformErrorCode.BODY_TOO_LARGE;
    void reply.status(answer.statusCode).send(answer);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return body(exception.status, exception.message, { code: exception.code, details: exception.details });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; code?: ErrorCode; details?: FieldProblem[]; status?: string; error?: unknown };
        if (r.status === 'error' && typeof r.error === 'object' && r.error !== null) {
          // a failed health check: name what is down
          const down = Object.keys(r.error);
          return { ...body(status, `Unavailable: ${down.join(', ')} not answering`), checks: r.details } as ErrorBody;
        }
        const message = Array.isArray(r.message) ? r.message.join('; ') : typeof r.message === 'string' ? r.message : exception.message;
        const code = r.code ?? statusCodeOf(status);
        return body(status, message, r.details ? { code, details: withCodes(r.details, code) } : { code });
      }
      return body(status, String(response));
    }
    if (exception instanceof QueryFailedError) {
      const problem = constraintProblem(exception);
      if (problem) return problem;
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // errors raised by Fastify itself: malformed JSON, body too large, bad content type
      return body(fastifyStatus, (exception as Error).message);
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal error; it has been logged');
  }
}
