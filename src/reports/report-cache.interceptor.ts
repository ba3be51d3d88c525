import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, from, map, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../common/auth/roles';
import { Clock } from '../common/clock';

const MAX_ENTRIES = 500;

/**
 * Caches successful report answers per caller and URL under the data version
 * (aggregation_state.data_version, bumped by a trigger whenever rollups, published
 * figures, goals or structure change) and today's date. A hit costs one primary-key
 * read; a change anywhere makes every older entry unreachable. The answer is kept
 * serialized, since turning a large report into JSON is the dearest part of a hit.
 * Entries are evicted oldest first.
 */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, string>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ url: string; user: CurrentUser }>();
    const reply = http.getResponse<FastifyReply>();
    return from(this.db.query<{ version: string }[]>('SELECT data_version AS version FROM aggregation_state WHERE id = 1')).pipe(
      switchMap(([state]) => {
        // the caller's role and scope are in the key: a user moved or demoted sees new answers at once
        const { id, role, regionalCouncilId, federationId } = request.user;
        const key = `${state?.version}|${this.clock.today()}|${id}|${role}|${regionalCouncilId}|${federationId}|${request.url}`;
        void reply.header('content-type', 'application/json; charset=utf-8');
        const cached = this.entries.get(key);
        if (cached !== undefined) return of(cached);
        return next.handle().pipe(
          map((answer) => {
            const json = JSON.stringify(answer);
            this.remember(key, json);
            return json;
          }),
        );
      }),
    );
  }

  private remember(key: string, json: string): void {
    this.entries.set(key, json);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
