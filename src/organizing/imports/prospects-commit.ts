import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';
import { refuseOutsideCouncil } from '../../structure/imports/unions-commit';

/**
 * The commit of a prospects file, set-based inside the commit's transaction: one INSERT ...
 * SELECT from import_records creates every prospect, with its assigned organizers and its
 * `created` stage history as POST /prospects writes them. What may have changed since the
 * check is held again here: an organizer who is no longer one of the council's, and the
 * scope of council staff.
 */
@Injectable()
export class ProspectsCommit implements ImportCommitter {
  async write(manager: EntityManager, { importId, committedBy: userId, scope }: CommitContext): Promise<number> {
    await refuseOutsideCouncil(manager, importId, scope.regionalCouncilId, '事業所');
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
