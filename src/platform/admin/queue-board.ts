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

/**
 * Bull Board, the queue UI, for admins only. It is a browser page, so besides the usual
 * bearer header it accepts the admin's token from the `access_token` cookie that
 * POST /admin/queues/session sets (or the sign-in page at /admin/queues/login). Every
 * route of the board, pages and its JSON API alike, passes the same check first.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
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
    const token = bearer ?? cookieValue(request.headers.cookie, BOARD_COOKIE);
    const role = token ? await this.roleOf(token) : null;
    if (role === 'admin') return undefined;
    // returning the reply from an async hook tells Fastify the request is answered
    if (role) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Only for: admin' });
    if (!token && (request.headers.accept ?? '').includes('text/html')) return reply.redirect(`${BOARD_PATH}/login`, 302);
    return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'An admin token is required (bearer header or access_token cookie)' });
  }

  private async roleOf(token: string): Promise<string | null> {
    try {
      const { sub } = await this.jwt.verifyAsync<{ sub: string }>(token);
      const [user] = await query<{ role: string }[]>(this.db, sql`SELECT role FROM users WHERE id = ${sub}`);
      return user?.role ?? null;
    } catch {
      return null;
    }
  }
}
