import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { query, sql } from '../database/sql';
import { SESSION_COOKIE, isUnsafeMethod } from '../auth/session';
import { SessionClaims, SessionRevocations } from '../auth/session-revocations';
import { AGGREGATION_QUEUE } from '../queue/queues';

/** Where the board lives: /api/v1 (the app's global prefix, which plain Fastify routes do not get) + /admin/queues. */
export const BOARD_PATH = '/api/v1/admin/queues';
export const BOARD_COOKIE = 'access_token';

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The board's own requests come from its page: an unsafe one must name this host as its origin. */
function fromThisSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Bull Board, the queue UI, for admins only. It is a browser page, so besides the usual
 * bearer header it accepts the console's session cookie (an admin signed in to the console
 * follows the link to it) and the `access_token` cookie that POST /admin/queues/session
 * sets (or the sign-in page at /admin/queues/login). The board's page cannot send the
 * console's CSRF header, so an unsafe request made with the session cookie must come from
 * this site's origin instead (the cookie is SameSite=Strict as well). Every route of the
 * board, pages and its JSON API alike, passes the same check first; a signed-out session
 * is refused as everywhere.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
    private readonly revocations: SessionRevocations,
    @InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const board = new FastifyAdapter();
    createBullBoard({ queues: [new BullMQAdapter(this.queue)], serverAdapter: board, options: { uiConfig: { boardTitle: '連合神奈川 CRM queues' } } });
    board.setBasePath(BOARD_PATH);
    const fastify = http.getInstance<FastifyInstance>();
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (request, reply) => this.admit(request, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: BOARD_PATH },
    );
  }

  /** Lets an admin through; answers 401 (or the sign-in page, for a browser) or 403 otherwise. */
  private async admit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const boardCookie = cookieValue(request.headers.cookie, BOARD_COOKIE);
    const sessionCookie = bearer || boardCookie ? undefined : cookieValue(request.headers.cookie, SESSION_COOKIE);
    const token = bearer ?? boardCookie ?? sessionCookie;
    const role = token ? await this.roleOf(token) : null;
    if (role === 'admin' && sessionCookie && isUnsafeMethod(request.method) && !fromThisSite(request)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'A request made with the session cookie must come from this site' });
    }
    if (role === 'admin') return undefined;
    // returning the reply from an async hook tells Fastify the request is answered
    if (role) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Only for: admin' });
    if (!token && (request.headers.accept ?? '').includes('text/html')) return reply.redirect(`${BOARD_PATH}/login`, 302);
    return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'An admin token is required (bearer header or access_token cookie)' });
  }

  private async roleOf(token: string): Promise<string | null> {
    try {
      const claims = await this.jwt.verifyAsync<SessionClaims>(token);
      if (await this.revocations.isRevoked(claims)) return null;
      const [user] = await query<{ role: string }[]>(this.db, sql`SELECT role FROM users WHERE id = ${claims.sub}`);
      return user?.role ?? null;
    } catch {
      return null;
    }
  }
}
