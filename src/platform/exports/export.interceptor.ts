import { PassThrough } from 'node:stream';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { CurrentUser } from '../common/auth/roles';
import { PlatformErrorCode } from '../error-codes';
import { Clock } from '../time/clock';
import type { ExportDefinition, ListExport, ReportExport } from './export-definition';
import { CONTENT_TYPES, ExportFormat, contentDisposition, formatProblem, parseFormat } from './export-format';
import { ExportNames } from './export-names';
import { markExport, routeOf } from './export-request';
import { ExportRoutes } from './export-routes';
import { EXPORT_PAGE_SIZE, ExportRun, withExportRun } from './export-run';
import { TableWriter, tableWriter } from './table-writer';

export const EXPORT_ROUTE_PREFIX = '/api/v1';

type Query = Record<string, unknown>;

/** Resolves when `out` takes more (or is gone: a client that hung up stops the export). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.once('drain', done).once('close', done);
  });
}

/**
 * `?format=xlsx|csv` on any GET with an export definition (ExportRoutes). Interceptors run
 * before pipes, so `format` is taken out of the query before the route's validation sees
 * it; the route's handler then answers as for JSON (same guard, scope and filters) and its
 * answer is written as a file. A list's handler is called page after page, each page read
 * from one cursor in one snapshot (ExportRun) and streamed out before the next is read; a
 * report is one answer. An unknown
 * format, or a format on a route without an export, is 400 naming `format`.
 */
@Injectable()
export class ExportInterceptor implements NestInterceptor {
  private readonly logger = new Logger(ExportInterceptor.name);

  constructor(
    private readonly routes: ExportRoutes,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const query = request.query as Query | undefined;
    if (request.method !== 'GET' || !query || !Object.hasOwn(query, 'format')) return next.handle();
    const route = routeOf(request, EXPORT_ROUTE_PREFIX);
    if (this.routes.readsOwnFormat(route)) return next.handle();
    const format = parseFormat(query.format);
    const definition = this.routes.find(route);
    if (!definition) throw formatProblem(PlatformErrorCode.NOT_ONE_OF, 'is not offered here: this route has no Excel or CSV export');
    delete query.format;
    markExport(request);
    const downloaded = (rows: number): Promise<void> => {
      // limit and offset are the export's own (every row); the rest are the caller's filters
      const { limit: _limit, offset: _offset, ...filters } = query;
      return this.audit.recordAlone((request as { user?: CurrentUser }).user ?? null, {
        action: 'export.downloaded',
        details: { route, file: definition.asciiName, fileName: definition.fileName, format, filters, rows },
      });
    };
    return from(this.export(definition, format, query, next, downloaded));
  }

  /** `downloaded` records the download once the route has answered (a refusal is not a download), before the file starts. */
  private async export(
    definition: ExportDefinition,
    format: ExportFormat,
    query: Query,
    next: CallHandler,
    downloaded: (rows: number) => Promise<void>,
  ): Promise<StreamableFile> {
    const names = new ExportNames();
    await names.load(this.db, definition.needs);
    const out = new PassThrough();
    const write =
      definition.kind === 'report' ? await this.report(definition, names, next, downloaded) : await this.list(definition, names, query, next, downloaded);
    const file = new StreamableFile(out, {
      type: CONTENT_TYPES[format],
      disposition: contentDisposition(definition.fileName, definition.asciiName, this.clock.today(), format),
    });
    // a broken download is logged where it broke (below); the answer has begun, so there is no status to send
    file.setErrorHandler(() => undefined);
    out.on('error', () => undefined);
    write(tableWriter(format, out), out).catch((error: unknown) => {
      this.logger.error({ err: error }, `export ${definition.asciiName} stopped`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return file;
  }

  /** The whole answer first (so a 4xx is still an answer of its own), then its sheets. */
  private async report(
    definition: ReportExport,
    names: ExportNames,
    next: CallHandler,
    downloaded: (rows: number) => Promise<void>,
  ): Promise<(writer: TableWriter) => Promise<void>> {
    const sheets = definition.sheets(await lastValueFrom(next.handle()), names);
    await downloaded(sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0));
    return async (writer) => {
      for (const sheet of sheets) {
        writer.startSheet(sheet.name, sheet.headers);
        writer.addRows(sheet.rows);
      }
      await writer.end();
    };
  }

  /**
   * The first page before the answer starts (a 403 or 400 stays a JSON answer), then page
   * after page while the client keeps up; the cursor is closed however it ends. Each call
   * of the handler reads the next page from the run's cursor (selectPage), so the caller's
   * limit and offset do not apply: an export is every row. A list that answered rows
   * without reading through the run would answer its first page again and again: that is
   * refused, before the answer starts.
   */
  private async list(
    definition: ListExport,
    names: ExportNames,
    query: Query,
    next: CallHandler,
    downloaded: (rows: number) => Promise<void>,
  ): Promise<(writer: TableWriter, out: PassThrough) => Promise<void>> {
    const run = new ExportRun(this.db);
    Object.assign(query, { limit: String(EXPORT_PAGE_SIZE), offset: '0' });
    const page = async (): Promise<unknown[]> => {
      const answer = (await withExportRun(run, () => lastValueFrom(next.handle()))) as { items?: unknown };
      if (!Array.isArray(answer.items)) throw new Error(`export ${definition.asciiName}: the route's answer is not a page`);
      if (answer.items.length > 0 && !run.reading) throw new Error(`export ${definition.asciiName}: the list does not page through selectPage`);
      return answer.items as unknown[];
    };
    let items: unknown[];
    try {
      items = await page();
      await downloaded(run.rowCount ?? items.length);
    } catch (error) {
      await run.close();
      throw error;
    }
    return async (writer, out) => {
      try {
        writer.startSheet(definition.sheetName, definition.headers);
        for (;;) {
          writer.addRows(items.map((item) => definition.cells(item, names)));
          if (items.length < EXPORT_PAGE_SIZE) break;
          await drained(out);
          if (out.destroyed) return;
          items = await page();
        }
        await run.close();
        await writer.end();
      } finally {
        await run.close();
      }
    };
  }
}
