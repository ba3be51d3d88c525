import type { IncomingMessage, ServerResponse } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { HttpStatus, Injectable, type NestMiddleware } from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { PlatformErrorCode } from '../../error-codes';
import { requestToken } from '../auth/auth.guard';
import { DomainError } from '../errors/domain-error';

export interface TurnLimits {
  /** How many run at once in one process. */
  running: number;
  /** How many more may wait, in arrival order; one more is refused at once. */
  waiting: number;
  /** The longest a request waits before it is refused, ms. */
  maxWaitMs: number;
  /** The Retry-After of a refusal, seconds. */
  retryAfterSeconds: number;
}

/** 503 RETRY: nothing was done, and the same request (with the same Idempotency-Key) may be sent again after Retry-After. */
export class NoTurn extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      PlatformErrorCode.RETRY,
      HttpStatus.SERVICE_UNAVAILABLE,
      `The server is busy with requests like this one; nothing was done: send it again in ${retryAfterSeconds} s`,
    );
  }
}

/**
 * A per-process limit on work that holds much memory while it runs (a 10,000-item bulk body,
 * a report computed afresh). The process runs under a heap cap (package.json's start
 * scripts), so what must not happen is many such requests at once: beyond `running`,
 * requests wait briefly for their turn, and beyond `waiting` of them, or after `maxWaitMs`,
 * they are refused with 503 and Retry-After rather than queued without end.
 */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limits: TurnLimits) {}

  /** Resolves with `leave` (call it once, when done) at the caller's turn; rejects with NoTurn. */
  enter(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        const next = this.waiting.shift();
        // the turn passes straight to the next in line
        if (next) next();
        else this.running--;
      };
      if (this.running < this.limits.running) {
        this.running++;
        resolve(leave);
        return;
      }
      if (this.waiting.length >= this.limits.waiting) {
        reject(new NoTurn(this.limits.retryAfterSeconds));
        return;
      }
      const admit = (): void => {
        clearTimeout(timer);
        resolve(leave);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        reject(new NoTurn(this.limits.retryAfterSeconds));
      }, this.limits.maxWaitMs);
      // the waiting request's socket keeps the process alive, not its timer
      timer.unref();
      this.waiting.push(admit);
    });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const leave = await this.enter();
    try {
      return await work();
    } finally {
      leave();
    }
  }
}

/**
 * Takes a turn before the request's body is read (Nest middleware runs in Fastify's
 * onRequest), so a waiting request holds its socket, not its parsed body; the turn is given
 * back when the answer is sent or the connection closes. Only a request with a valid token
 * takes a turn: anyone else cannot occupy the route's turns, their body is held to the
 * limit of anyone (body-limits.ts) and the guard refuses them. (Injectable so that Nest
 * knows what the subclasses' inherited constructor takes.)
 */
@Injectable()
export abstract class TurnsBeforeBody implements NestMiddleware {
  protected abstract readonly turns: Turns;

  constructor(private readonly jwt: JwtService) {}

  use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    if (!this.signedIn(request)) return next();
    let closed = false;
    let leave: (() => void) | undefined;
    response.once('close', () => {
      closed = true;
      leave?.();
    });
    this.turns.enter().then(
      (given) => {
        if (closed) return given();
        leave = given;
        next();
      },
      (refusal: NoTurn) => {
        response.setHeader('retry-after', String(refusal.retryAfterSeconds));
        next(refusal);
      },
    );
  }

  private signedIn(request: IncomingMessage): boolean {
    const { token } = requestToken({ headers: request.headers, cookies: fastifyCookie.parse(request.headers.cookie ?? '') });
    if (!token) return false;
    try {
      this.jwt.verify(token);
      return true;
    } catch {
      return false;
    }
  }
}

/** Documents the 503 of a route whose work takes turns (the code RETRY, with Retry-After). */
export const ApiTakesTurns = (): MethodDecorator & ClassDecorator =>
  ApiServiceUnavailableResponse({
    description:
      'Busy with requests like this one (RETRY): nothing was done; send it again after Retry-After (with the same Idempotency-Key where it takes one)',
  });
