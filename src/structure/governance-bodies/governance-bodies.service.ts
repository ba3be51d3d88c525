import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, changesBetween } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, Scope, scopeOf } from '../../platform/common/auth/scope';
import { badField, forbidden, notFound, staleVersion } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { selectPage } from '../../platform/database/select-page';
import { query, Sql, sql } from '../../platform/database/sql';
import { PlatformErrorCode } from '../../platform/error-codes';
import { ORGANIZATION_KIND_LABELS } from '../labels';
import { checkSum, CompositionCounts } from './compositions';
import {
  CompositionDto,
  CreateGovernanceBodyDto,
  GovernanceBodyDto,
  ListGovernanceBodiesQuery,
  OrganizationRefDto,
  PutCompositionDto,
  UpdateGovernanceBodyDto,
} from './dto/governance-body.dto';
import { GovernanceBody, GovernanceComposition } from './governance-body.entity';
import { bodyInScope } from './governance-scope';

/** The owner's federation and council, as the audit trail's scope. */
interface Owner {
  federationId: string | null;
  regionalCouncilId: string | null;
}

/** A body as locked for a write: its owner's place. */
interface LockedBody extends Owner {
  id: string;
}

const CONFEDERATION_NAME = ORGANIZATION_KIND_LABELS.confederation[0];

const bodyColumns = sql`
  b.id AS id, b.kind AS kind, b.name AS name, b.version AS version, b.created_at AS "createdAt", b.updated_at AS "updatedAt",
  json_build_object(
    'kind', b.organization_kind,
    'id', coalesce(b.federation_id, b.regional_council_id, b.union_id),
    'name', CASE b.organization_kind WHEN 'confederation' THEN ${CONFEDERATION_NAME}::text ELSE coalesce(f.name, c.name, u.name) END
  ) AS organization,
  coalesce((SELECT json_agg(json_build_object(
              'id', g.id, 'bodyId', g.body_id, 'fiscalYear', g.fiscal_year, 'seats', g.seats, 'women', g.women, 'men', g.men,
              'unspecified', g.unspecified, 'womenQuota', g.women_quota, 'version', g.version, 'updatedAt', g.updated_at)
              ORDER BY g.fiscal_year DESC)
            FROM governance_compositions g WHERE g.body_id = b.id), '[]'::json) AS compositions`;

const BODY_DISPLAY = sql`governance_bodies b
  LEFT JOIN federations f ON f.id = b.federation_id
  LEFT JOIN regional_councils c ON c.id = b.regional_council_id
  LEFT JOIN unions u ON u.id = b.union_id`;

/**
 * Governance bodies and their compositions per fiscal year (counts only, never names), read
 * and written within the caller's scope as unions are: a body outside it answers 404.
 */
@Injectable()
export class GovernanceBodiesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListGovernanceBodiesQuery, caller: CurrentUser): Promise<Page<GovernanceBodyDto>> {
    const conditions: Sql[] = [bodyInScope(scopeOf(caller), 'b')];
    if (filter.organizationKind) conditions.push(sql`b.organization_kind = ${filter.organizationKind}`);
    if (filter.organizationId) conditions.push(sql`coalesce(b.federation_id, b.regional_council_id, b.union_id) = ${filter.organizationId}::uuid`);
    if (filter.kind) conditions.push(sql`b.kind = ${filter.kind}`);
    const { rows, total } = await selectPage<GovernanceBodyDto>(
      this.db,
      {
        columns: bodyColumns,
        from: BODY_DISPLAY,
        countFrom: sql`governance_bodies b`,
        where: sql.and(conditions),
        orderBy: sql`array_position(ARRAY['confederation','federation','regional_council','union'], b.organization_kind), coalesce(f.name, c.name, u.name), b.kind, b.name, b.id`,
      },
      filter,
    );
    return page(rows, total, filter);
  }

  async get(id: string, caller: CurrentUser, executor: DataSource | EntityManager = this.db): Promise<GovernanceBodyDto> {
    const [body] = await query<GovernanceBodyDto[]>(
      executor,
      sql`SELECT ${bodyColumns} FROM ${BODY_DISPLAY} WHERE b.id = ${id} AND ${bodyInScope(scopeOf(caller), 'b')}`,
    );
    if (!body) throw notFound('Governance body');
    return body;
  }

  async create(dto: CreateGovernanceBodyDto, caller: CurrentUser): Promise<GovernanceBodyDto> {
    const saved = await this.db.transaction(async (manager) => {
      const owner = await this.ownerInReach(manager, dto.organization, caller);
      const body = await manager.save(
        GovernanceBody,
        manager.create(GovernanceBody, {
          organizationKind: dto.organization.kind,
          federationId: dto.organization.kind === 'federation' ? (dto.organization.id ?? null) : null,
          regionalCouncilId: dto.organization.kind === 'regional_council' ? (dto.organization.id ?? null) : null,
          unionId: dto.organization.kind === 'union' ? (dto.organization.id ?? null) : null,
          kind: dto.kind,
          name: dto.name.trim(),
          createdBy: caller.id,
          updatedBy: caller.id,
        }),
      );
      return this.audit.recordCreated(manager, caller, GovernanceBody, body.id, () => ({ action: 'governance_body.created', scope: owner }));
    });
    return this.get(saved.id, caller);
  }

  async update(id: string, dto: UpdateGovernanceBodyDto, caller: CurrentUser): Promise<GovernanceBodyDto> {
    const { version, ...patch } = dto;
    await this.db.transaction(async (manager) => {
      const body = await this.lockInScope(manager, id, caller);
      const changed = await this.audit.recordChange(
        manager,
        caller,
        GovernanceBody,
        id,
        () => ({ action: 'governance_body.updated', scope: body }),
        () => versionedUpdate(manager, GovernanceBody, id, version, { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}), updatedBy: caller.id }),
      );
      if (!changed) throw notFound('Governance body');
    });
    return this.get(id, caller);
  }

  /** A body goes with its compositions (counts only; the audit trail keeps what they were). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    await this.db.transaction(async (manager) => {
      const body = await this.lockInScope(manager, id, caller);
      await this.audit.recordChange(
        manager,
        caller,
        GovernanceBody,
        id,
        () => ({ action: 'governance_body.deleted', scope: body }),
        async () => {
          await manager.delete(GovernanceBody, { id });
        },
      );
    });
  }

  /**
   * PUT /governance-bodies/:id/compositions/:fiscalYear: the year's counts, replacing any
   * recorded before. The same counts again change nothing (no new version, no audit event),
   * so a retried PUT is harmless; a `version` that is not the current one is 409.
   */
  async putComposition(id: string, fiscalYear: number, dto: PutCompositionDto, caller: CurrentUser): Promise<CompositionDto> {
    checkFiscalYear(fiscalYear);
    checkSum(dto);
    const { version, ...counts } = dto;
    return this.db.transaction(async (manager) => {
      const body = await this.lockInScope(manager, id, caller);
      return this.writeComposition(manager, caller, body, fiscalYear, counts, version);
    });
  }

  /** The writer the import shares: `body` already locked and in the caller's reach; counts already checked. */
  async writeComposition(
    manager: EntityManager,
    caller: CurrentUser,
    body: LockedBody,
    fiscalYear: number,
    counts: CompositionCounts & { womenQuota: boolean },
    version?: number,
  ): Promise<CompositionDto> {
    const repository = manager.getRepository(GovernanceComposition);
    const current = await repository.findOne({ where: { bodyId: body.id, fiscalYear }, lock: { mode: 'for_no_key_update' } });
    if (version !== undefined && (!current || current.version !== version)) throw staleVersion();
    const fields = { seats: counts.seats, women: counts.women, men: counts.men, unspecified: counts.unspecified, womenQuota: counts.womenQuota };
    const scope = { federationId: body.federationId, regionalCouncilId: body.regionalCouncilId };
    if (current) {
      const changes = changesBetween(current, { ...current, ...fields });
      if (Object.keys(changes).length === 0) return toDto(current);
      await repository.update({ id: current.id }, { ...fields, version: () => 'version + 1', updatedAt: () => 'now()', updatedBy: caller.id });
      const after = await repository.findOneOrFail({ where: { id: current.id } });
      await this.audit.record(manager, caller, {
        action: 'governance_composition.replaced',
        targetId: after.id,
        scope,
        changes,
        details: { bodyId: body.id, fiscalYear },
      });
      return toDto(after);
    }
    const created = await repository.save(repository.create({ bodyId: body.id, fiscalYear, ...fields, createdBy: caller.id, updatedBy: caller.id }));
    const after = await this.audit.recordCreated(manager, caller, GovernanceComposition, created.id, () => ({
      action: 'governance_composition.recorded',
      scope,
      details: { bodyId: body.id, fiscalYear },
    }));
    return toDto(after);
  }

  /** The body locked against other writers until the transaction ends; 404 outside the caller's scope. */
  async lockInScope(manager: EntityManager, id: string, caller: CurrentUser): Promise<LockedBody> {
    const [row] = await query<LockedBody[]>(
      manager,
      sql`SELECT b.id, coalesce(b.federation_id, u.federation_id) AS "federationId", coalesce(b.regional_council_id, u.regional_council_id) AS "regionalCouncilId"
            FROM governance_bodies b LEFT JOIN unions u ON u.id = b.union_id
           WHERE b.id = ${id} AND ${bodyInScope(scopeOf(caller), 'b')}
             FOR NO KEY UPDATE OF b`,
    );
    if (!row) throw notFound('Governance body');
    return row;
  }

  /**
   * The organization named, if it exists and the caller may keep its bodies: the confederation's
   * by admin and leadership; a federation's by its officers; a council's by its staff; a union's
   * by whoever may write the union. 400 naming organization.id when it is missing or unknown.
   */
  private async ownerInReach(manager: EntityManager, organization: OrganizationRefDto, caller: CurrentUser): Promise<Owner> {
    const scope = scopeOf(caller);
    if (organization.kind === 'confederation') {
      if (organization.id) throw badField('organization.id', PlatformErrorCode.MUST_BE_EMPTY, 'must be empty for the confederation');
      if (scope.kind !== 'all') throw forbidden('Only the confederation’s staff keep its bodies');
      return { federationId: null, regionalCouncilId: null };
    }
    const id = organization.id;
    if (!id) throw badField('organization.id', PlatformErrorCode.REQUIRED, `is required for a ${organization.kind}`);
    const owner = await ownerOf(manager, organization.kind, id, scope);
    if (owner === 'unknown') throw badField('organization.id', PlatformErrorCode.UNKNOWN_REFERENCE, `is not a known ${organization.kind}`);
    if (owner === 'out_of_scope') throw forbidden('You may keep the bodies of your own federation or council, and of its unions');
    return owner;
  }
}

async function ownerOf(
  manager: EntityManager,
  kind: 'federation' | 'regional_council' | 'union',
  id: string,
  scope: Scope,
): Promise<Owner | 'unknown' | 'out_of_scope'> {
  if (kind === 'union') {
    const [u] = await query<(Owner & { reach: boolean })[]>(
      manager,
      sql`SELECT u.federation_id AS "federationId", u.regional_council_id AS "regionalCouncilId", ${inScope.union(scope, 'u')} AS reach
            FROM unions u WHERE u.id = ${id}`,
    );
    if (!u) return 'unknown';
    return u.reach ? { federationId: u.federationId, regionalCouncilId: u.regionalCouncilId } : 'out_of_scope';
  }
  const table = kind === 'federation' ? 'federations' : 'regional_councils';
  const rows = await query<unknown[]>(manager, sql`SELECT 1 FROM ${sql.ident(table)} WHERE id = ${id}`);
  if (!rows.length) return 'unknown';
  if (kind === 'federation') {
    if (scope.kind === 'council' || (scope.kind === 'federation' && scope.federationId !== id)) return 'out_of_scope';
    return { federationId: id, regionalCouncilId: null };
  }
  if (scope.kind === 'federation' || (scope.kind === 'council' && scope.regionalCouncilId !== id)) return 'out_of_scope';
  return { federationId: null, regionalCouncilId: id };
}

export function checkFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1990 || fiscalYear > 2100)
    throw badField('fiscalYear', PlatformErrorCode.OUT_OF_RANGE, 'must be a fiscal year between 1990 and 2100');
}

function toDto(c: GovernanceComposition): CompositionDto {
  return {
    id: c.id,
    bodyId: c.bodyId,
    fiscalYear: c.fiscalYear,
    seats: c.seats,
    women: c.women,
    men: c.men,
    unspecified: c.unspecified,
    womenQuota: c.womenQuota,
    version: c.version,
    updatedAt: c.updatedAt,
  };
}
