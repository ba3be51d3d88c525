import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ModuleRef } from '@nestjs/core';
import { AuditActor, AuditEventInput, AuditLog } from '../../audit/audit-log';
import { query, sql } from '../../database/sql';
import { ImportCommitter, ImportKind, ImportKindName, ImportKinds } from '../import-kinds';
import { CommitRefused } from './commit-refused';

interface Committing {
  kind: ImportKindName;
  file_name: string;
  summary: Record<string, number> | null;
  committed_by: string;
  committer_email: string | null;
  committer_role: string | null;
  scope_federation_id: string | null;
  scope_regional_council_id: string | null;
}

/** Who the event names: the one who asked for the commit, as the job carries them, else the row's committer. */
const actorOf = (requestedBy: AuditActor | undefined, entry: Committing): AuditActor =>
  requestedBy ?? { id: entry.committed_by, email: entry.committer_email, role: entry.committer_role };

const eventScope = (entry: Pick<Committing, 'scope_federation_id' | 'scope_regional_council_id'>): AuditEventInput['scope'] => ({
  federationId: entry.scope_federation_id,
  regionalCouncilId: entry.scope_regional_council_id,
});

/**
 * The worker's commit of a checked import: all or nothing, in ONE transaction. The kind
 * writes its staged rows (its committer: the ledger's kinds into the ledger and the outbox,
 * the structure kinds the unions or prospects they create). The commit is ONE audit
 * event with its counts, in the same transaction. On any failure the transaction rolls back,
 * the import is `failed` (audited as a failed commit) and the ledger is as it was.
 */
@Injectable()
export class ImportCommit {
  private readonly logger = new Logger(ImportCommit.name);

  constructor(
    private readonly db: DataSource,
    private readonly kinds: ImportKinds,
    private readonly modules: ModuleRef,
    private readonly audit: AuditLog,
  ) {}

  async run(importId: string, requestedBy?: AuditActor): Promise<void> {
    try {
      const written = await this.db.transaction(async (manager) => {
        const [entry] = await query<(Committing | undefined)[]>(
          manager,
          sql`SELECT i.kind, i.file_name, i.summary, i.committed_by, u.email AS committer_email, u.role AS committer_role,
                     i.scope_federation_id, i.scope_regional_council_id
              FROM imports i LEFT JOIN users u ON u.id = i.committed_by
              WHERE i.id = ${importId} AND i.state = 'committing' FOR UPDATE OF i`,
        );
        if (!entry) return null;
        const kind = this.kinds.get(entry.kind);
        const rows = await this.committer(kind).write(manager, {
          importId,
          committedBy: entry.committed_by,
          scope: { federationId: entry.scope_federation_id, regionalCouncilId: entry.scope_regional_council_id },
        });
        await query(manager, sql`DELETE FROM import_rows WHERE import_id = ${importId}`);
        await query(manager, sql`DELETE FROM import_records WHERE import_id = ${importId}`);
        const counted = kind.writes === 'ledger' ? 'ledgerRows' : 'created';
        await query(
          manager,
          sql`UPDATE imports SET state = 'committed', progress = 100, committed_at = clock_timestamp(), failure = NULL,
                     summary = coalesce(summary, '{}') || jsonb_build_object(${counted}::text, ${rows}::int)
              WHERE id = ${importId}`,
        );
        await this.audit.record(manager, actorOf(requestedBy, entry), {
          action: 'import.committed',
          targetId: importId,
          scope: eventScope(entry),
          details: { kind: entry.kind, fileName: entry.file_name, ...entry.summary, [counted]: rows },
        });
        return kind;
      });
      if (written !== null) await this.committer(written).afterCommit?.();
    } catch (error) {
      const reason = error instanceof CommitRefused ? error.message : '書き込みで問題が起きました';
      this.logger.error({ importId, err: error }, `import ${importId} not committed`);
      await this.fail(importId, reason, requestedBy);
    }
  }

  /** Marks the import failed and audits the failed commit, together; nothing when it is no longer committing. */
  private async fail(importId: string, reason: string, requestedBy: AuditActor | undefined): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [entry] = await query<(Committing | undefined)[]>(
        manager,
        sql`WITH failed AS (
              UPDATE imports SET state = 'failed', progress = 0, failure = ${`${reason}。何も書き込まれていません`}
              WHERE id = ${importId} AND state = 'committing'
              RETURNING kind, file_name, summary, committed_by, scope_federation_id, scope_regional_council_id
            )
            SELECT f.*, u.email AS committer_email, u.role AS committer_role FROM failed f LEFT JOIN users u ON u.id = f.committed_by`,
      );
      if (!entry) return;
      await this.audit.record(manager, actorOf(requestedBy, entry), {
        action: 'import.committed',
        targetId: importId,
        scope: eventScope(entry),
        details: { kind: entry.kind, fileName: entry.file_name },
        reason,
        outcome: 'failed',
      });
    });
  }

  private committer(kind: ImportKind): ImportCommitter {
    return this.modules.get(kind.committer, { strict: false });
  }
}
