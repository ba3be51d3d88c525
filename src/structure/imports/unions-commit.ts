import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';

/**
 * The commit of a unions file, set-based inside the commit's transaction: one INSERT ...
 * SELECT from import_records creates every union. What may have changed since the check is
 * held again here: a union code taken meanwhile, and the scope of a federation officer or of
 * council staff.
 */
@Injectable()
export class UnionsCommit implements ImportCommitter {
  async write(manager: EntityManager, { importId, committedBy: userId, scope }: CommitContext): Promise<number> {
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
}

/** Council staff's rows are of their council (held at the check; held again, as a federation's scope is). */
export async function refuseOutsideCouncil(manager: EntityManager, importId: string, councilId: string | null, what: string): Promise<void> {
  if (councilId === null) return;
  const [outside] = await query<({ row_number: number } | undefined)[]>(
    manager,
    sql`SELECT row_number FROM import_records WHERE import_id = ${importId}
         AND (record->>'regionalCouncilId') IS DISTINCT FROM ${councilId}::text ORDER BY row_number LIMIT 1`,
  );
  if (outside) throw new CommitRefused(`${outside.row_number}行目の${what}は、あなたの地域連合の${what}ではありません`);
}
