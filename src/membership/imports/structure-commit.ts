import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from './commit-refused';
import { ImportScopeIds } from './import-access';

/**
 * The commit of a structure import, set-based inside the commit's transaction: one
 * INSERT ... SELECT from import_records creates every union (or prospect, with its
 * assigned organizers and its `created` stage history as POST /prospects writes them).
 * What may have changed since the check is held again here: a union code taken meanwhile,
 * an organizer who is no longer one of the council's, and the scope of a federation
 * officer or of council staff.
 */
@Injectable()
export class StructureCommit {
  async unions(manager: EntityManager, importId: string, userId: string, scope: ImportScopeIds): Promise<number> {
    const scopeFederationId = scope.federationId;
    const [taken] = await query<({ row_number: number; code: string } | undefined)[]>(
      manager,
      sql`SELECT r.row_number, r.record->>'code' AS code FROM import_records r JOIN unions u ON u.code = r.record->>'code'
          WHERE r.import_id = ${importId} ORDER BY r.row_number LIMIT 1`,
    );
    if (taken) throw new CommitRefused(`${taken.row_number}行目の組合コード「${taken.code}」は、確認の後に別の組合に使われました`);
    if (scopeFederationId !== null) {
      const [outside] = await query<({ row_number: number } | undefined)[]>(
        manager,
        sql`SELECT row_number FROM import_records WHERE import_id = ${importId}
             AND (record->>'federationId') IS DISTINCT FROM ${scopeFederationId}::text ORDER BY row_number LIMIT 1`,
      );
      if (outside) throw new CommitRefused(`${outside.row_number}行目の組合は、あなたの構成組織の組合ではありません`);
    }
    await refuseOutsideCouncil(manager, importId, scope.regionalCouncilId, '組合');
    try {
      const [{ n }] = await query<{ n: number }[]>(
        manager,
        sql`WITH inserted AS (
              INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name, municipality, affiliated_on, status, kind, created_by, updated_by)
              SELECT x.code, x.name, x."federationId", x."regionalCouncilId", x."employerName", x.municipality, x."affiliatedOn", x.status, x.kind,
                     ${userId}::uuid, ${userId}::uuid
              FROM import_records r,
                   jsonb_to_record(r.record) AS x (code text, name text, "federationId" uuid, "regionalCouncilId" uuid, "employerName" text,
                                                   municipality text, "affiliatedOn" date, status text, kind text)
              WHERE r.import_id = ${importId} ORDER BY r.row_number
              RETURNING 1
            )
            SELECT count(*)::int AS n FROM inserted`,
      );
      return n;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_unions_code') {
        throw new CommitRefused('組合コードが、確認の後に別の組合に使われました');
      }
      throw error;
    }
  }

  async prospects(manager: EntityManager, importId: string, userId: string, scopeCouncilId: string | null): Promise<number> {
    await refuseOutsideCouncil(manager, importId, scopeCouncilId, '事業所');
    await refuseUnassignableOrganizers(manager, importId);
    const [{ n }] = await query<{ n: number }[]>(
      manager,
      sql`WITH inserted AS (
            INSERT INTO prospects (employer_name, employer_name_kana, establishment_name, municipality, regional_council_id, sector_code,
                                   target_federation_id, estimated_workers, workforce_regular, workforce_part_time, workforce_fixed_term,
                                   workforce_dispatch, source, stage, assigned_organizer_ids, next_action_on, created_by, updated_by)
            SELECT x."employerName", x."employerNameKana", x."establishmentName", x.municipality, x."regionalCouncilId", x."sectorCode",
                   x."targetFederationId", x."estimatedWorkers", x."workforceRegular", x."workforcePartTime", x."workforceFixedTerm",
                   x."workforceDispatch", x.source, x.stage, coalesce(x."assignedOrganizerIds", '{}'), x."nextActionOn", ${userId}::uuid, ${userId}::uuid
            FROM import_records r,
                 jsonb_to_record(r.record) AS x ("employerName" text, "employerNameKana" text, "establishmentName" text, municipality text,
                                                 "regionalCouncilId" uuid, "sectorCode" text, "targetFederationId" uuid, "estimatedWorkers" int,
                                                 "workforceRegular" int, "workforcePartTime" int, "workforceFixedTerm" int, "workforceDispatch" int,
                                                 source text, stage text, "assignedOrganizerIds" uuid[], "nextActionOn" date)
            WHERE r.import_id = ${importId} ORDER BY r.row_number
            RETURNING id, stage
          ), history AS (
            INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, changed_by)
            SELECT id, 'created', NULL, stage, ${userId}::uuid FROM inserted
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM history`,
    );
    return n;
  }
}

/** Council staff's rows are of their council (held at the check; held again, as a federation's scope is). */
async function refuseOutsideCouncil(manager: EntityManager, importId: string, councilId: string | null, what: string): Promise<void> {
  if (councilId === null) return;
  const [outside] = await query<({ row_number: number } | undefined)[]>(
    manager,
    sql`SELECT row_number FROM import_records WHERE import_id = ${importId}
         AND (record->>'regionalCouncilId') IS DISTINCT FROM ${councilId}::text ORDER BY row_number LIMIT 1`,
  );
  if (outside) throw new CommitRefused(`${outside.row_number}行目の${what}は、あなたの地域連合の${what}ではありません`);
}

/**
 * Assigned organizers as POST /prospects holds them (checkOrganizers), for every row at once:
 * each an organizer of the prospect's council still (a role or council may have changed since the check).
 */
async function refuseUnassignableOrganizers(manager: EntityManager, importId: string): Promise<void> {
  const [unassignable] = await query<({ row_number: number; email: string | null } | undefined)[]>(
    manager,
    sql`SELECT r.row_number, u.email
        FROM import_records r
        CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(r.record->'assignedOrganizerIds', '[]')) AS a(id)
        LEFT JOIN users u ON u.id = a.id::uuid
        WHERE r.import_id = ${importId}
          AND (u.id IS NULL OR u.role <> 'organizer' OR u.regional_council_id IS DISTINCT FROM (r.record->>'regionalCouncilId')::uuid)
        ORDER BY r.row_number LIMIT 1`,
  );
  if (unassignable) {
    throw new CommitRefused(
      `${unassignable.row_number}行目の担当オルガナイザー「${unassignable.email ?? ''}」は、確認の後にこの地域連合のオルガナイザーではなくなりました`,
    );
  }
}
