import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import { SubmitMembershipSurveyDto } from '../membership-surveys/dto/submit-membership-survey.dto';
import { MembershipSurveysService } from '../membership-surveys/membership-surveys.service';
import { EmploymentType, Gender } from '../vocabulary';

/**
 * A membership-changes file into the ledger: staging moves into the ledger and the outbox
 * with one INSERT ... SELECT (the same columns and outbox rows the bulk endpoint writes,
 * source `import`), in the commit's transaction.
 */
@Injectable()
export class MembershipChangesCommit implements ImportCommitter {
  constructor(private readonly doorbell: AggregationDoorbell) {}

  async write(manager: EntityManager, { importId, committedBy, scope }: CommitContext): Promise<number> {
    await refuseOutsideScope(manager, importId, scope.federationId);
    const [{ n }] = await query<{ n: number }[]>(
      manager,
      sql`WITH inserted AS (
            INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, note, import_id, source, recorded_by)
            SELECT r.union_id, r.effective_on, r.delta, r.cause, r.employment_type, r.gender, r.note, r.import_id, 'import', ${committedBy}::uuid
            FROM import_rows r WHERE r.import_id = ${importId} ORDER BY r.row_number
            RETURNING id
          ), queued AS (
            INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted RETURNING 1
          )
          SELECT count(*)::int AS n FROM queued`,
    );
    return n;
  }

  afterCommit(): Promise<void> {
    return this.doorbell.ring();
  }
}

/** A survey file: applied union by union through the survey endpoint's own code. */
@Injectable()
export class MembershipSurveyCommit implements ImportCommitter {
  constructor(
    private readonly surveys: MembershipSurveysService,
    private readonly doorbell: AggregationDoorbell,
  ) {}

  /** One survey per union of the file, each as POST /membership-surveys records it. */
  async write(manager: EntityManager, { importId, committedBy }: CommitContext): Promise<number> {
    const caller = await committer(manager, committedBy);
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

  afterCommit(): Promise<void> {
    return this.doorbell.ring();
  }
}

/** Scope holds per row at commit too: a union may have moved to another federation since the check. */
async function refuseOutsideScope(manager: EntityManager, importId: string, federationId: string | null): Promise<void> {
  if (federationId === null) return;
  const [outside] = await query<({ row_number: number } | undefined)[]>(
    manager,
    sql`SELECT r.row_number FROM import_rows r JOIN unions u ON u.id = r.union_id
        WHERE r.import_id = ${importId} AND u.federation_id IS DISTINCT FROM ${federationId}::uuid
        ORDER BY r.row_number LIMIT 1`,
  );
  if (outside) throw new CommitRefused(`${outside.row_number}行目の組合は、確認の後にあなたの構成組織の組合ではなくなりました`);
}

async function committer(manager: EntityManager, userId: string): Promise<CurrentUser> {
  const [user] = await query<CurrentUser[]>(
    manager,
    sql`SELECT id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId", federation_id AS "federationId"
        FROM users WHERE id = ${userId}`,
  );
  return user;
}
