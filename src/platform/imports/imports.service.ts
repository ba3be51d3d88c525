import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { CurrentUser } from '../common/auth/roles';
import { scopeOf } from '../common/auth/scope';
import { badField, conflict, notFound } from '../common/errors/domain-error';
import { Page, page } from '../common/http/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { query, sql } from '../database/sql';
import { selectPage } from '../database/select-page';
import { IdempotentRequest, IdempotentWriter } from '../idempotency/idempotency';
import { IMPORTS_QUEUE, IMPORT_JOB_OPTIONS, ImportJob } from '../queue/queues';
import { PlatformErrorCode } from '../error-codes';
import { ImportAcceptedDto, ImportDto, ListImportsQuery } from './dto/import.dto';
import { assertMayImport, importerScope } from './import-access';
import { IMPORT_KIND_NAMES, ImportKind, ImportKinds, isImportKindName } from './import-kinds';
import { IMPORT_COLUMNS, ImportRow, importScope, toImportDto } from './import-rows';
import { ImportJobData, requester, uploadedEvent } from './import-events';
import { storeUpload, uploadPath } from './reading/upload-storage';

const KIND_MESSAGE = `kind must be one of: ${IMPORT_KIND_NAMES.join(', ')}`;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

interface StoredFile {
  fileName: string;
  sha256: string;
  size: number;
}

/**
 * Spreadsheet imports over HTTP: takes the upload (streamed to disk), lists and reads
 * imports in scope, and hands checking and committing to the worker.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: DataSource,
    private readonly idempotent: IdempotentWriter,
    @InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly kinds: ImportKinds,
  ) {}

  /**
   * `file` and `kind` from a multipart body; the file goes to disk as it arrives. Nothing of
   * a refused upload stays: its file is removed, and its row too when the queue refused the job.
   */
  async upload(request: FastifyRequest, caller: CurrentUser): Promise<ImportAcceptedDto> {
    const scope = importerScope(caller, this.kinds.importerRoles());
    if (!request.isMultipart()) throw badField('file', PlatformErrorCode.INVALID_FORMAT, 'send the file as multipart/form-data with the fields file and kind');
    const id = randomUUID();
    try {
      const { kind, stored } = await this.receive(request, caller, id);
      await this.db.transaction(async (manager) => {
        await query(
          manager,
          sql`INSERT INTO imports (id, kind, file_name, file_size, sha256, scope_federation_id, scope_regional_council_id, created_by)
              VALUES (${id}, ${kind.name}, ${stored.fileName}, ${stored.size}, ${stored.sha256},
                      ${scope.federationId}, ${scope.regionalCouncilId}, ${caller.id})`,
        );
        await this.audit.record(manager, caller, uploadedEvent(id, kind.name, stored, scope));
      });
      try {
        const job: ImportJobData = { importId: id };
        await this.queue.add(ImportJob.Check, job, { ...IMPORT_JOB_OPTIONS, jobId: `check-${id}` });
      } catch (error) {
        // the trail is append-only: the upload's event stays, and a second says it was not kept
        await this.db.transaction(async (manager) => {
          await query(manager, sql`DELETE FROM imports WHERE id = ${id}`);
          await this.audit.record(manager, caller, uploadedEvent(id, kind.name, stored, scope, true));
        });
        throw error;
      }
    } catch (error) {
      await rm(uploadPath(this.config, id), { force: true });
      throw error;
    }
    return { id, state: 'queued' };
  }

  /** Reads the parts: the kind (the caller's role may import it) and the file, stored as the import's id. */
  private async receive(request: FastifyRequest, caller: CurrentUser, id: string): Promise<{ kind: ImportKind; stored: StoredFile }> {
    let kind: unknown;
    let stored: StoredFile | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== 'kind') throw badField(part.fieldname, PlatformErrorCode.UNKNOWN_FIELD, 'is not a known field');
        kind = part.value;
        if (!isImportKindName(kind)) throw badField('kind', PlatformErrorCode.NOT_ONE_OF, KIND_MESSAGE);
        // before the file is stored, when the kind comes first (as the console sends it)
        assertMayImport(caller, this.kinds.get(kind));
      } else if (part.fieldname !== 'file' || stored) {
        throw badField(part.fieldname, PlatformErrorCode.REPEATED, 'send one file, in the field file');
      } else {
        // the name is shown and stored as text: a NUL cannot be, and no control character belongs in it
        if (CONTROL_CHARACTER.test(part.filename))
          throw badField('file', PlatformErrorCode.CONTROL_CHARACTER, 'the file name must not contain control characters');
        stored = { fileName: part.filename || 'upload', ...(await storeUpload(this.config, id, part.file)) };
      }
    }
    if (!isImportKindName(kind)) throw badField('kind', PlatformErrorCode.NOT_ONE_OF, KIND_MESSAGE);
    // as the endpoint behind the kind: no prospects for federations, no ledger for councils
    assertMayImport(caller, this.kinds.get(kind));
    if (!stored) throw badField('file', PlatformErrorCode.REQUIRED, 'is required');
    if (stored.size === 0) throw badField('file', PlatformErrorCode.EMPTY_FILE, 'is empty');
    return { kind: this.kinds.get(kind), stored };
  }

  async list(listQuery: ListImportsQuery, caller: CurrentUser): Promise<Page<ImportDto>> {
    const where = sql.and([
      importScope(scopeOf(caller)),
      ...(listQuery.kind ? [sql`i.kind = ${listQuery.kind}`] : []),
      ...(listQuery.state ? [sql`i.state = ${listQuery.state}`] : []),
    ]);
    const { rows, total } = await selectPage<ImportRow>(
      this.db,
      { columns: IMPORT_COLUMNS, from: sql`imports i`, where, orderBy: sql`i.created_at DESC, i.id` },
      listQuery,
    );
    return page(rows.map(toImportDto), total, listQuery);
  }

  async get(id: string, caller: CurrentUser): Promise<ImportDto> {
    return toImportDto(await this.find(this.db, id, caller));
  }

  /**
   * Marks a clean, checked import as committing and queues the commit (202: poll the
   * import). A file whose content is already committed is 409 naming that import; the
   * partial unique index settles two commits racing.
   */
  async commit(id: string, caller: CurrentUser, request: IdempotentRequest): Promise<ImportAcceptedDto> {
    importerScope(caller, this.kinds.importerRoles());
    try {
      const result = await this.idempotent.run(
        caller,
        request,
        { id },
        async (manager) => {
          const entry = await this.find(manager, id, caller, true);
          assertMayImport(caller, this.kinds.get(entry.kind));
          if (entry.state !== 'checked' || entry.error_count > 0) {
            throw conflict(
              PlatformErrorCode.IMPORT_NOT_COMMITTABLE,
              `Only a checked import without errors can be committed; this one is ${entry.state} with ${entry.error_count} errors`,
              [{ field: 'state', message: `is ${entry.state}` }],
            );
          }
          await this.refuseCommittedContent(manager, entry);
          await query(manager, sql`UPDATE imports SET state = 'committing', progress = 0, committed_by = ${caller.id} WHERE id = ${id}`);
          return { id, state: 'committing' as const };
        },
        HttpStatus.ACCEPTED,
      );
      // the worker audits the commit in its own transaction, as done by whoever asked for it
      const job: ImportJobData = { importId: id, requestedBy: requester(caller) };
      await this.queue.add(ImportJob.Commit, job, { ...IMPORT_JOB_OPTIONS, jobId: `commit-${id}` });
      return result.body;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_imports_content_committed') {
        await this.refuseCommittedContent(this.db.manager, await this.find(this.db, id, caller));
      }
      throw error;
    }
  }

  private async refuseCommittedContent(manager: EntityManager, entry: ImportRow): Promise<void> {
    const [earlier] = await query<({ id: string; file_name: string; committed_at: Date | null } | undefined)[]>(
      manager,
      sql`SELECT id, file_name, committed_at FROM imports
          WHERE sha256 = ${entry.sha256} AND id <> ${entry.id} AND state IN ('committing', 'committed') AND reversed_at IS NULL LIMIT 1`,
    );
    if (earlier) {
      throw conflict(PlatformErrorCode.IMPORT_ALREADY_COMMITTED, `The same file was already imported as ${earlier.id} (${earlier.file_name})`, [
        { field: 'importId', message: earlier.id },
      ]);
    }
  }

  async find(db: DataSource | EntityManager, id: string, caller: CurrentUser, forUpdate = false): Promise<ImportRow> {
    const [row] = await query<(ImportRow | undefined)[]>(
      db,
      sql`SELECT ${IMPORT_COLUMNS} FROM imports i WHERE i.id = ${id} AND ${importScope(scopeOf(caller))} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
    );
    if (!row) throw notFound('Import');
    return row;
  }
}
