import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors, applyDecorators } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, catchError, finalize, from, map, of, switchMap, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../../platform/common/auth/auth.guard';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { isExport } from '../../platform/exports/export-request';
import { Clock } from '../../platform/time/clock';
import { Accepted, acceptedEncodings } from '../../platform/common/http/accepted-encodings';
import { CompressedAnswer } from './compressed-answer';
import { ApiTakesTurns, NoTurn } from '../../platform/common/http/turns';
import { ReportCache, ReportComputations } from './report-cache';

/**
 * Caches successful report answers per caller and URL under the data version
 * (aggregation_state.data_version, bumped by a trigger whenever rollups, published
 * figures, goals or structure change) and today's date. The version comes with the
 * caller's own row (AuthGuard), so a hit costs no extra round trip; a change anywhere
 * makes every older entry unreachable. The answer is kept serialized and compressed
 * (CompressedAnswer), since encoding and writing a large report are the dearest parts of
 * a hit. Nest makes this interceptor once per host module, so the answers themselves
 * live in the process's one ReportCache. A miss computes the answer in its turn
 * (ReportComputations): 503 with Retry-After when too many wait.
 */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly clock: Clock,
    private readonly cache: ReportCache,
    private readonly computations: ReportComputations,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & { url: string; user: CurrentUser }>();
    // a file export needs the answer itself, not its cached JSON text
    if (isExport(request)) return next.handle();
    const accepted = acceptedEncodings(request.headers['accept-encoding']);
    const reply = http.getResponse<FastifyReply>();
    // the guard read the version with the user; without one there is nothing to key on
    const dataVersion = request.dataVersion;
    if (dataVersion === undefined) return next.handle();
    // the caller's role and scope are in the key: a user moved or demoted sees new answers at once
    const { id, role, regionalCouncilId, federationId } = request.user;
    const key = `${dataVersion}|${this.clock.today()}|${id}|${role}|${regionalCouncilId}|${federationId}|${request.url}`;
    void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    const cached = this.cache.get(key);
    if (cached !== undefined) return of(this.send(cached, accepted, reply));
    return from(this.computations.enter()).pipe(
      catchError((refusal: NoTurn) => {
        void reply.header('retry-after', String(refusal.retryAfterSeconds));
        return throwError(() => refusal);
      }),
      switchMap((leave) => next.handle().pipe(finalize(leave))),
      map((answer) => {
        const entry = new CompressedAnswer(JSON.stringify(answer));
        this.cache.remember(key, entry);
        return this.send(entry, accepted, reply);
      }),
    );
  }

  private send(entry: CompressedAnswer, accepted: Accepted, reply: FastifyReply): string | Buffer {
    const { body, encoding } = entry.body(accepted);
    if (encoding) void reply.header('content-encoding', encoding);
    return body;
  }
}

/** A report answered from the per-process cache; a computation on a miss takes its turn (503 RETRY when too many wait). */
export const ReportCached = (): MethodDecorator & ClassDecorator => applyDecorators(UseInterceptors(ReportCacheInterceptor), ApiTakesTurns());
