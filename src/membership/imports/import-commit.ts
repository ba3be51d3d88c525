import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditEventInput, AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { query, sql } from '../../platform/database/sql';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import { EmploymentType, Gender } from '../vocabulary';
import { MembershipSurveysService } from '../membership-surveys/membership-surveys.service';
import { SubmitMembershipSurveyDto } from '../membership-surveys/dto/submit-membership-survey.dto';
import { type ReadableKind, isLedgerKind } from './import-columns';
import { CommitRefused } from './commit-refused';
import { StructureCommit } from './structure-commit';

interface Committing {
  kind: ReadableKind;
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
 * The worker's commit of a checked import: all or nothing, in ONE transaction. Membership
 * changes move from staging into the ledger and the outbox with one INSERT ... SELECT (the
 * same columns and outbox rows the bulk endpoint writes, source `import`); a survey file is
 * applied union by union through the survey endpoint's own code. The commit is ONE audit
 * event with its counts, in the same transaction. On any failure the transaction rolls back,
 * the import is `failed` (audited as a failed commit) and the ledger is as it was.
 */
@Injectable()
export class ImportCommit {
  private readonly logger = new Logger(ImportCommit.name);

  constructor(
    private readonly db: DataSource,
    private readonly surveys: MembershipSurveysService,
    private readonly doorbell: AggregationDoorbell,
    private readonly structure: StructureCommit,
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
        const rows = await this.write(manager, importId, entry);
        await query(manager, sql`DELETE FROM import_rows WHERE import_id = ${importId}`);
        await query(manager, sql`DELETE FROM import_records WHERE import_id = ${importId}`);
        const counted = isLedgerKind(entry.kind) ? 'ledgerRows' : 'created';
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
        return { rows, kind: entry.kind };
      });
      if (written !== null && isLedgerKind(written.kind)) await this.doorbell.ring();
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

  private async write(manager: EntityManager, importId: string, entry: Committing): Promise<number> {
    switch (entry.kind) {
      case 'membership-changes':
        return this.changes(manager, importId, entry);
      case 'membership-survey':
        return this.survey(manager, importId, entry);
      case 'unions':
        return this.structure.unions(manager, importId, entry.committed_by, {
          federationId: entry.scope_federation_id,
          regionalCouncilId: entry.scope_regional_council_id,
        });
      case 'prospects':
        return this.structure.prospects(manager, importId, entry.committed_by, entry.scope_regional_council_id);
    }
  }

  private async changes(manager: EntityManager, importId: string, entry: Committing): Promise<number> {
    await this.refuseOutsideScope(manager, importId, entry);
    const [{ n }] = await query<{ n: number }[]>(
      manager,
      sql`WITH inserted AS (
            INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, note, import_id, source, recorded_by)
            SELECT r.union_id, r.effective_on, r.delta, r.cause, r.employment_type, r.gender, r.note, r.import_id, 'import', ${entry.committed_by}::uuid
            FROM import_rows r WHERE r.import_id = ${importId} ORDER BY r.row_number
            RETURNING id
          ), queued AS (
            INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted RETURNING 1
          )
          SELECT count(*)::int AS n FROM queued`,
    );
    return n;
  }

  /** One survey per union of the file, each as POST /membership-surveys records it. */
  private async survey(manager: EntityManager, importId: string, entry: Committing): Promise<number> {
    const caller = await this.committer(manager, entry.committed_by);
    const rows = await query<{ union_id: string; surveyed_on: string; employment_type: EmploymentType; gender: Gender; members: number }[]>(
      manager,
      sql`SELECT union_id, effective_on::text AS surveyed_on, employment_type, gender, members FROM import_rows
          WHERE import_id = ${importId} ORDER BY union_id, row_number`,
    );
    const surveys = new Map<string, SubmitMembershipSurveyDto>();
    for (const r of rows) {
      const survey = surveys.get(r.union_id) ?? { unionId: r.union_id, surveyedOn: r.surveyed_on, counts: [] };
      survey.counts.push({ employmentType: r.employment_type, gender: r.gender, members: r.members });
      surveys.set(r.union_id, survey);
    }
    let adjustments = 0;
    for (const dto of surveys.values()) {
      const recorded = await this.surveys.apply(manager, dto, caller, importId);
      adjustments += recorded.adjustments.length;
    }
    return adjustments;
  }

  /** Scope holds per row at commit too: a union may have moved to another federation since the check. */
  private async refuseOutsideScope(manager: EntityManager, importId: string, entry: Committing): Promise<void> {
    if (entry.scope_federation_id === null) return;
    const [outside] = await query<({ row_number: number } | undefined)[]>(
      manager,
      sql`SELECT r.row_number FROM import_rows r JOIN unions u ON u.id = r.union_id
          WHERE r.import_id = ${importId} AND u.federation_id IS DISTINCT FROM ${entry.scope_federation_id}::uuid
          ORDER BY r.row_number LIMIT 1`,
    );
    if (outside) throw new CommitRefused(`${outside.row_number}行目の組合は、確認の後にあなたの構成組織の組合ではなくなりました`);
  }

  private async committer(manager: EntityManager, userId: string): Promise<CurrentUser> {
    const [user] = await query<CurrentUser[]>(
      manager,
      sql`SELECT id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId", federation_id AS "federationId"
          FROM users WHERE id = ${userId}`,
    );
    return user;
  }
}
