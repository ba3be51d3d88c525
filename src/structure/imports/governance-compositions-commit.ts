import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';
import { AuditLog } from '../../platform/audit/audit-log';
import { GovernanceBodiesService } from '../governance-bodies/governance-bodies.service';
import { GovernanceBody } from '../governance-bodies/governance-body.entity';

interface Row {
  rowNumber: number;
  organizationKind: 'confederation' | 'federation' | 'regional_council' | 'union';
  organizationId: string | null;
  bodyKind: string;
  bodyName: string;
  fiscalYear: number;
  seats: number;
  women: number;
  men: number;
  unspecified: number;
  womenQuota: boolean;
}

/**
 * The commit of a compositions file, inside the commit's one transaction (all or nothing):
 * each row finds its organization's body of that kind and name (made, and audited, when
 * there is none) and records the year's counts through the same writer as the PUT, so a
 * year already recorded is replaced, the same counts change nothing, and every change is
 * audited. The importer's scope is held again against the organizations as they are now.
 */
@Injectable()
export class GovernanceCompositionsCommit implements ImportCommitter {
  constructor(
    private readonly bodies: GovernanceBodiesService,
    private readonly audit: AuditLog,
  ) {}

  async write(manager: EntityManager, { importId, committedBy, scope }: CommitContext): Promise<number> {
    const [caller] = await query<CurrentUser[]>(
      manager,
      sql`SELECT id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId", federation_id AS "federationId"
          FROM users WHERE id = ${committedBy}`,
    );
    if (!caller) throw new CommitRefused('取り込んだ人のアカウントが見つかりません');
    const rows = await query<Row[]>(
      manager,
      sql`SELECT r.row_number AS "rowNumber", x.* FROM import_records r,
                 jsonb_to_record(r.record) AS x ("organizationKind" text, "organizationId" uuid, "bodyKind" text, "bodyName" text, "fiscalYear" int,
                                                 seats int, women int, men int, unspecified int, "womenQuota" boolean)
           WHERE r.import_id = ${importId} ORDER BY r.row_number`,
    );
    for (const row of rows) {
      const owner = await this.ownerNow(manager, row);
      const outside =
        (scope.federationId !== null && owner.federationId !== scope.federationId) ||
        (scope.regionalCouncilId !== null && owner.regionalCouncilId !== scope.regionalCouncilId);
      if (outside) throw new CommitRefused(`${row.rowNumber}行目の組織は、確認の後にあなたの担当から外れました`);
      const bodyId = await this.bodyOf(manager, caller, row, owner);
      const body = await this.bodies.lockInScope(manager, bodyId, caller);
      await this.bodies.writeComposition(manager, caller, body, row.fiscalYear, row);
    }
    return rows.length;
  }

  /** The organization's federation and council as they are at the commit (a union may have moved). */
  private async ownerNow(manager: EntityManager, row: Row): Promise<{ federationId: string | null; regionalCouncilId: string | null }> {
    if (row.organizationKind === 'confederation') return { federationId: null, regionalCouncilId: null };
    if (row.organizationKind === 'federation') return { federationId: row.organizationId, regionalCouncilId: null };
    if (row.organizationKind === 'regional_council') return { federationId: null, regionalCouncilId: row.organizationId };
    const [u] = await query<{ federationId: string | null; regionalCouncilId: string }[]>(
      manager,
      sql`SELECT federation_id AS "federationId", regional_council_id AS "regionalCouncilId" FROM unions WHERE id = ${row.organizationId}`,
    );
    if (!u) throw new CommitRefused(`${row.rowNumber}行目の組合は、確認の後に削除されました`);
    return u;
  }

  /** The organization's body of the row's kind and name, made when there is none. */
  private async bodyOf(
    manager: EntityManager,
    caller: CurrentUser,
    row: Row,
    owner: { federationId: string | null; regionalCouncilId: string | null },
  ): Promise<string> {
    const column = { federation: sql`federation_id`, regional_council: sql`regional_council_id`, union: sql`union_id`, confederation: null }[
      row.organizationKind
    ];
    const [existing] = await query<{ id: string }[]>(
      manager,
      sql`SELECT id FROM governance_bodies
           WHERE organization_kind = ${row.organizationKind} AND kind = ${row.bodyKind} AND name = ${row.bodyName}
             AND ${column ? sql`${column} = ${row.organizationId}::uuid` : sql`TRUE`}
           ORDER BY created_at, id LIMIT 1`,
    );
    if (existing) return existing.id;
    const created = await manager.save(
      GovernanceBody,
      manager.create(GovernanceBody, {
        organizationKind: row.organizationKind,
        federationId: row.organizationKind === 'federation' ? row.organizationId : null,
        regionalCouncilId: row.organizationKind === 'regional_council' ? row.organizationId : null,
        unionId: row.organizationKind === 'union' ? row.organizationId : null,
        kind: row.bodyKind as GovernanceBody['kind'],
        name: row.bodyName,
        createdBy: caller.id,
        updatedBy: caller.id,
      }),
    );
    await this.audit.recordCreated(manager, caller, GovernanceBody, created.id, () => ({ action: 'governance_body.created', scope: owner }));
    return created.id;
  }
}
