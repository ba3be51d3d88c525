import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, from, of, switchMap, tap } from 'rxjs';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../common/auth/roles';
import { Clock } from '../common/clock';

const MAX_ENTRIES = 500;

/**
 * Caches successful report answers per caller and URL under the data version
 * (aggregation_state.data_version, bumped by a trigger whenever rollups, published
 * figures, goals or structure change) and today's date. A hit costs one primary-key
 * read; a change anywhere makes every older entry unreachable. Entries are evicted
 * oldest first.
 */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, unknown>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ url: string; user: CurrentUser }>();
    return from(this.db.query<{ version: string }[]>('SELECT data_version AS version FROM aggregation_state WHERE id = 1')).pipe(
      switchMap(([state]) => {
        const key = `${state?.version}|${this.clock.today()}|${request.user.id}|${request.url}`;
        if (this.entries.has(key)) return of(this.entries.get(key));
        return next.handle().pipe(tap((answer) => this.remember(key, answer)));
      }),
    );
  }

  private remember(key: string, answer: unknown): void {
    this.entries.set(key, answer);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
