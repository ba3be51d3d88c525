import { createHash } from 'node:crypto';
import { applyDecorators, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../common/auth/roles';
import { query, sql } from '../database/sql';
import { conflict, invalidFields } from '../common/errors/domain-error';
import { PlatformErrorCode } from '../error-codes';

/** What identifies a request for idempotency: the caller's key and the request line. */
export interface IdempotentRequest {
  key: string | null;
  method: string;
  path: string;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key` header (optional; 1-255 visible ASCII characters) and request line. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotentRequest => {
  const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; method: string; url: string }>();
  const raw = request.headers['idempotency-key'];
  if (Array.isArray(raw) || (raw !== undefined && !KEY_PATTERN.test(raw))) {
    throw invalidFields(`${IDEMPOTENCY_HEADER} must be one value of 1-255 visible ASCII characters`, [
      { field: IDEMPOTENCY_HEADER, code: PlatformErrorCode.INVALID_FORMAT, message: 'must be 1-255 visible ASCII characters' },
    ]);
  }
  return { key: raw ?? null, method: request.method, path: request.url.split('?')[0] };
});

/** OpenAPI for a write (POST, or PATCH) that accepts an Idempotency-Key. */
export const AcceptsIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description: 'Any unique string per intended write. A retry with the same key and body returns the first answer and writes nothing.',
    }),
    ApiConflictResponse({ description: 'The Idempotency-Key was already used with a different request' }),
  );

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(request: IdempotentRequest, body: unknown): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${canonicalJson(body)}`)
    .digest('hex');
}

export interface IdempotentResult<T> {
  body: T;
  /** true when the answer is a stored one: nothing was written by this request. */
  replayed: boolean;
}

/**
 * Runs a write in one transaction; with an Idempotency-Key, the key row (caller, key,
 * request hash) is inserted FIRST in that transaction and the answer stored with it
 * before commit (invariant 5, docs/architecture.md#invariant-5). A concurrent request with
 * the same key waits on the key's unique index until the first commits, then reads the
 * stored answer; if the first rolls back, the key is free again and the waiter does the
 * work itself.
 * Only successful answers are stored: a failed request leaves no key behind.
 */
@Injectable()
export class IdempotentWriter {
  constructor(private readonly db: DataSource) {}

  async run<T>(
    caller: CurrentUser,
    request: IdempotentRequest,
    body: unknown,
    work: (manager: EntityManager) => Promise<T>,
    statusCode = 201,
  ): Promise<IdempotentResult<T>> {
    const key = request.key;
    if (key === null) return { body: await this.db.transaction(work), replayed: false };
    const hash = requestHash(request, body);
    return this.db.transaction(async (manager) => {
      const claimed = await query<unknown[]>(
        manager,
        sql`INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (${caller.id}, ${key}, ${hash})
            ON CONFLICT (user_id, key) DO NOTHING RETURNING 1`,
      );
      if (claimed.length === 0) {
        const [stored] = await query<{ request_hash: string; response: unknown }[]>(
          manager,
          sql`SELECT request_hash, response FROM idempotency_keys WHERE user_id = ${caller.id} AND key = ${key}`,
        );
        if (stored?.request_hash !== hash) {
          throw conflict(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED, `This ${IDEMPOTENCY_HEADER} was already used for a different request`, [
            { field: IDEMPOTENCY_HEADER, message: 'was already used for a different request' },
          ]);
        }
        return { body: stored.response as T, replayed: true };
      }
      const result = await work(manager);
      await query(
        manager,
        sql`UPDATE idempotency_keys SET status_code = ${statusCode}, response = ${JSON.stringify(result)}
             WHERE user_id = ${caller.id} AND key = ${key}`,
      );
      return { body: result, replayed: false };
    });
  }
}
