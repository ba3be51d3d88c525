import { gzipSync } from 'node:zlib';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, from, map, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../common/auth/auth.guard';
import type { CurrentUser } from '../common/auth/roles';
import { Clock } from '../common/clock';

const MAX_ENTRIES = 500;

interface Entry {
  json: string;
  /** The same answer gzip-compressed, made on first demand: reports are large and repetitive. */
  gzip?: Buffer;
}

/**
 * Caches successful report answers per caller and URL under the data version
 * (aggregation_state.data_version, bumped by a trigger whenever rollups, published
 * figures, goals or structure change) and today's date. The version comes with the
 * caller's own row (AuthGuard), so a hit costs no extra round trip; a change anywhere makes every older entry unreachable. The answer is kept
 * serialized, and compressed once for clients that accept gzip, since encoding and
 * writing a large report are the dearest parts of a hit. Entries are evicted oldest first.
 */
@Injectable()
export class ReportCacheInterceptor implements NestInterceptor {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest & { url: string; user: CurrentUser }>();
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const reply = http.getResponse<FastifyReply>();
    // the guard read the version with the user; a caller that skipped it reads it here
    const version = request.dataVersion !== undefined ? of(request.dataVersion) : from(this.readVersion());
    return version.pipe(
      switchMap((dataVersion) => {
        // the caller's role and scope are in the key: a user moved or demoted sees new answers at once
        const { id, role, regionalCouncilId, federationId } = request.user;
        const key = `${dataVersion}|${this.clock.today()}|${id}|${role}|${regionalCouncilId}|${federationId}|${request.url}`;
        void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
        const cached = this.entries.get(key);
        if (cached !== undefined) return of(this.body(cached, gzip, reply));
        return next.handle().pipe(
          map((answer) => {
            const entry: Entry = { json: JSON.stringify(answer) };
            this.remember(key, entry);
            return this.body(entry, gzip, reply);
          }),
        );
      }),
    );
  }

  private async readVersion(): Promise<string | undefined> {
    const [state] = await this.db.query<{ version: string }[]>('SELECT data_version AS version FROM aggregation_state WHERE id = 1');
    return state?.version;
  }

  private body(entry: Entry, gzip: boolean, reply: FastifyReply): string | Buffer {
    if (!gzip) return entry.json;
    entry.gzip ??= gzipSync(entry.json);
    void reply.header('content-encoding', 'gzip');
    return entry.gzip;
  }

  private remember(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
