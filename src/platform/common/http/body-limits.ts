import { Transform, type TransformCallback } from 'node:stream';
import { HttpStatus, SetMetadata, applyDecorators } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PlatformErrorCode } from '../../error-codes';
import { IS_PUBLIC } from '../auth/auth.decorators';
import { requestToken } from '../auth/auth.guard';
import { DomainError } from '../errors/domain-error';

const KB = 1024;
const MB = 1024 * KB;

/**
 * How large a body the API reads. Anyone: sign-in and every other public route, any path no
 * route of the API answers, and any request without a valid token whatever its route, so
 * a stranger never makes the API read more than this. Signed in: the largest legitimate
 * body of an ordinary route is two 20,000-character texts, about 240 KB even with every
 * character \u-escaped. One route takes more (BodyLimit): the bulk ledger write.
 */
export const BODY_LIMITS = { anyone: 16 * KB, signedIn: 1 * MB } as const;

const BODY_LIMIT = 'bodyLimit';

const size = (bytes: number): string => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);

/** A signed-in route that takes a body larger than BODY_LIMITS.signedIn; the OpenAPI document says how large. */
export const BodyLimit = (bytes: number): MethodDecorator =>
  applyDecorators(SetMetadata(BODY_LIMIT, bytes), ApiPayloadTooLargeResponse({ description: `The body is over ${size(bytes)} (BODY_TOO_LARGE)` }));

const bodyTooLarge = (limit: number, signedIn = true): DomainError =>
  new DomainError(
    PlatformErrorCode.BODY_TOO_LARGE,
    HttpStatus.PAYLOAD_TOO_LARGE,
    signedIn
      ? `The request body is over ${size(limit)}, the most this route takes`
      : `The request body is over ${size(limit)}, the most a request without a valid sign-in may send; sign in first (the token is missing, invalid or expired)`,
  );

/** The route's limit, by its decorators: Nest's routes only (the docs, the console's files and the queue board keep the default). */
function routeLimit(handler: unknown): number | undefined {
  if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) return undefined;
  const explicit = Reflect.getMetadata(BODY_LIMIT, handler) as number | undefined;
  return explicit ?? (Reflect.getMetadata(IS_PUBLIC, handler) === true ? BODY_LIMITS.anyone : BODY_LIMITS.signedIn);
}

/** Passes a body of unknown length (chunked) through, failing as soon as it is over the limit. */
class CappedBody extends Transform {
  receivedEncodedLength = 0;
  constructor(
    private readonly limit: number,
    private readonly tooLarge: () => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.receivedEncodedLength += chunk.length;
    if (this.receivedEncodedLength > this.limit) done(this.tooLarge());
    else done(null, chunk);
  }
}

/**
 * Sets each route's body limit and checks a body's size before it is read: from its
 * Content-Length, or counted as it arrives (chunked). A request without a valid token is
 * held to the limit of anyone, whatever its route; only a large body costs that token
 * check (a signature, no database), and the guard checks the token fully later. Fastify's
 * own check of the route's limit stays behind these (a chunked body a signed-in caller
 * sends). Uploads stream to disk under their own limit (UPLOAD_LIMIT), after the guard.
 */
export function useBodyLimits(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const jwt = app.get(JwtService, { strict: false });
  const signedIn = (request: FastifyRequest): boolean => {
    const { token } = requestToken(request);
    if (!token) return false;
    try {
      jwt.verify(token);
      return true;
    } catch {
      return false;
    }
  };

  fastify.addHook('onRoute', (route) => {
    route.bodyLimit ??= routeLimit(route.handler);
  });
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const declared = request.headers['content-length'];
    const chunked = request.headers['transfer-encoding'] !== undefined;
    // an upload (multipart) is read by its route after the guard, under UPLOAD_LIMIT; no parser reads it before
    // (request.isMultipart() is not yet known here: the content-type parser runs after this hook)
    const multipart = /^multipart\//i.test(request.headers['content-type'] ?? '');
    if ((!chunked && (declared === undefined || Number(declared) <= BODY_LIMITS.anyone)) || multipart) return payload;
    const anonymous = request.routeOptions.bodyLimit > BODY_LIMITS.anyone && !signedIn(request);
    const limit = anonymous ? BODY_LIMITS.anyone : request.routeOptions.bodyLimit;
    const tooLarge = (): DomainError => bodyTooLarge(limit, !anonymous);
    // Node discards the unread rest of the body, never held in memory; closing the connection
    // at once instead could reset it under the answer, and the client would never see the 413
    if (!chunked && Number(declared) > limit) throw tooLarge();
    if (!chunked || !anonymous) return payload;
    const capped = new CappedBody(limit, tooLarge);
    payload.on('error', (error) => capped.destroy(error));
    return payload.pipe(capped);
  });
}
