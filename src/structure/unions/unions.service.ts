import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { Clock } from '../../platform/time/clock';
import { badField, conflict, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { StructureErrorCode } from '../error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { CreateUnionDto, ListUnionsQuery, UnionDto, UpdateUnionDto } from './dto/union.dto';
import { Union } from './union.entity';

/**
 * The columns of a UnionDto, read from unions u with its federation f and council c
 * (UNION_DISPLAY). currentMembers sums the union-level rollups up to `currentMonth` (its
 * first day: the Clock's month in Japan); as a subquery of the select list it runs only
 * for the rows of the page.
 */
const unionColumns = (currentMonth: string): Sql => sql`
  u.id AS id, u.code AS code, u.name AS name,
  u.federation_id AS "federationId", f.name AS "federationName",
  u.regional_council_id AS "regionalCouncilId", c.name AS "regionalCouncilName",
  u.employer_name AS "employerName", u.municipality AS municipality,
  to_char(u.affiliated_on, 'YYYY-MM-DD') AS "affiliatedOn", u.status AS status, u.kind AS kind,
  u.company_id AS "companyId",
  (SELECT coalesce(sum(r.members), 0)::int FROM union_month_rollups r
    WHERE r.union_id = u.id AND r.month <= CAST(${currentMonth} AS date)) AS "currentMembers",
  u.version AS version, u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** Unions joined for display: the federation's and the council's names. */
const UNION_DISPLAY = sql`unions u
  LEFT JOIN federations f ON f.id = u.federation_id
  INNER JOIN regional_councils c ON c.id = u.regional_council_id`;

/** Where a union stands, as read before a change. */
type Placement = Pick<Union, 'federationId' | 'regionalCouncilId' | 'kind'>;

/**
 * Unions, read and written within the caller's scope (src/platform/common/auth/scope.ts):
 * a union outside it answers 404 like an unknown id. Regional staff write only
 * their council's unions, federation users only their federation's, and neither
 * may move a union out of their reach.
 */
@Injectable()
export class UnionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListUnionsQuery, caller: CurrentUser): Promise<Page<UnionDto>> {
    const conditions: Sql[] = [inScope.union(scopeOf(caller), 'u')];
    if (filter.federationId) conditions.push(sql`u.federation_id = ${filter.federationId}`);
    if (filter.regionalCouncilId) conditions.push(sql`u.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.status) conditions.push(sql`u.status = ${filter.status}`);
    if (filter.kind) conditions.push(sql`u.kind = ${filter.kind}`);
    if (filter.municipality) conditions.push(sql`u.municipality = ${filter.municipality}`);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(sql`u.name ILIKE ${pattern} OR u.employer_name ILIKE ${pattern} OR u.code ILIKE ${pattern}`);
    }
    const { rows, total } = await selectPage<UnionDto>(
      this.db,
      { columns: this.columns(), from: UNION_DISPLAY, countFrom: sql`unions u`, where: sql.and(conditions), orderBy: sql`u.name ASC, u.id ASC` },
      filter,
    );
    return page(rows, total, filter);
  }

  async get(id: string, caller: CurrentUser): Promise<UnionDto> {
    const [union] = await query<UnionDto[]>(
      this.db,
      sql`SELECT ${this.columns()} FROM ${UNION_DISPLAY} WHERE ${inScope.union(scopeOf(caller), 'u')} AND u.id = ${id}`,
    );
    if (!union) throw notFound('Union');
    return union;
  }

  async create(dto: CreateUnionDto, caller: CurrentUser): Promise<UnionDto> {
    this.checkWriteScope(caller, dto.regionalCouncilId, dto.federationId ?? null);
    await this.checkReferences(this.db.manager, dto);
    checkKind(dto.kind ?? 'enterprise', dto.federationId ?? null);
    const saved = await this.db.transaction(async (manager) => {
      const union = await manager.save(Union, manager.create(Union, { ...dto, createdBy: caller.id, updatedBy: caller.id }));
      return this.audit.recordCreated(manager, caller, Union, union.id, (after) => ({ action: 'union.created', scope: after }));
    });
    return this.get(saved.id, caller);
  }

  /**
   * A change of federation or council moves the union's figures between the rollup
   * groups: with the outbox locked (no batch applied meanwhile), its contribution is
   * taken out of the old groups, the union updated, and the contribution added to the
   * new groups, all in one transaction. A stale version rolls all of it back.
   *
   * Whether the patch moves the union, and whether the caller may write it, is decided
   * from the row as locked inside the transaction (FOR NO KEY UPDATE, the lock an UPDATE
   * takes): a concurrent PATCH that moved the union meanwhile is waited for and seen, so
   * "no move" is never concluded from a federation or council the union has since left.
   * A patch that names a federation or council takes the outbox lock FIRST, then the row:
   * the order of every other writer (membership surveys, affiliation, batches, period close
   * all lock the outbox before anything else), so none of them can deadlock with a move.
   */
  async update(id: string, dto: UpdateUnionDto, caller: CurrentUser): Promise<UnionDto> {
    const { version, ...patch } = dto;
    const structural = patch.regionalCouncilId !== undefined || patch.federationId !== undefined;
    await this.db.transaction(async (manager) => {
      if (structural) await query(manager, sql`LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE`);
      const current = await this.lockInScope(manager, id, caller);
      if (structural) {
        this.checkWriteScope(caller, patch.regionalCouncilId ?? current.regionalCouncilId, next(patch.federationId, current.federationId));
      }
      await this.checkReferences(manager, patch);
      checkKind(patch.kind ?? current.kind, next(patch.federationId, current.federationId));
      const moves =
        (patch.federationId !== undefined && patch.federationId !== current.federationId) ||
        (patch.regionalCouncilId !== undefined && patch.regionalCouncilId !== current.regionalCouncilId);
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Union,
        id,
        (_, after) => ({ action: 'union.updated', scope: after }),
        async () => {
          if (moves) await query(manager, sql`SELECT aggregation_shift_union(${id}, -1)`);
          if (!(await versionedUpdate(manager, Union, id, version, { ...patch, updatedBy: caller.id }))) return false;
          if (moves) await query(manager, sql`SELECT aggregation_shift_union(${id}, 1)`);
          return true;
        },
      );
      if (!updated) throw notFound('Union');
    });
    return this.get(id, caller);
  }

  /** A union with membership history is kept (set its status instead); other references answer 409 too. */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    await this.get(id, caller);
    const history = await query<unknown[]>(this.db, sql`SELECT 1 FROM membership_changes WHERE union_id = ${id} LIMIT 1`);
    if (history.length) {
      throw conflict(
        StructureErrorCode.UNION_HAS_MEMBERSHIP_HISTORY,
        'The union has membership changes, which are never deleted; set its status to dissolved or merged instead',
      );
    }
    const deleted = await this.db.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        Union,
        id,
        (before) => ({ action: 'union.deleted', scope: before }),
        async () => {
          const [, affected] = await query<[unknown[], number]>(
            manager,
            sql`DELETE FROM unions u WHERE u.id = ${id} AND ${inScope.union(scopeOf(caller), 'u')}`,
          );
          return affected === 1;
        },
      ),
    );
    if (!deleted) throw notFound('Union');
  }

  /** The union as committed now, locked against other writers until the transaction ends; 404 outside the caller's scope. */
  private async lockInScope(manager: EntityManager, id: string, caller: CurrentUser): Promise<Placement> {
    const [row] = await query<Placement[]>(
      manager,
      sql`SELECT u.federation_id AS "federationId", u.regional_council_id AS "regionalCouncilId", u.kind
            FROM unions u WHERE u.id = ${id} AND ${inScope.union(scopeOf(caller), 'u')}
             FOR NO KEY UPDATE`,
    );
    if (!row) throw notFound('Union');
    return row;
  }

  /** The DTO's columns, currentMembers as of the Clock's month. */
  private columns(): Sql {
    return unionColumns(`${this.clock.month()}-01`);
  }

  /** Regional staff keep unions in their council, federation users in their federation. */
  private checkWriteScope(caller: CurrentUser, regionalCouncilId: string, federationId: string | null): void {
    const scope = scopeOf(caller);
    if (scope.kind === 'council' && regionalCouncilId !== scope.regionalCouncilId) {
      throw forbidden('Regional council staff may only keep unions in their own council');
    }
    if (scope.kind === 'federation' && federationId !== scope.federationId) {
      throw forbidden('Federation users may only keep unions in their own federation');
    }
  }

  private async checkReferences(manager: EntityManager, dto: { federationId?: string | null; regionalCouncilId?: string }): Promise<void> {
    if (dto.federationId && !(await exists(manager, 'federations', dto.federationId))) {
      throw badField('federationId', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known federation');
    }
    if (dto.regionalCouncilId && !(await exists(manager, 'regional_councils', dto.regionalCouncilId))) {
      throw badField('regionalCouncilId', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known regional council');
    }
  }
}

const next = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);

/** A directly affiliated union belongs to no federation. */
function checkKind(kind: string, federationId: string | null): void {
  if (kind === 'direct' && federationId)
    throw badField('federationId', PlatformErrorCode.MUST_BE_EMPTY, 'must be empty for a directly affiliated union (kind direct)');
}

async function exists(manager: EntityManager, table: 'federations' | 'regional_councils', id: string): Promise<boolean> {
  const rows = await query<unknown[]>(manager, sql`SELECT 1 FROM ${sql.ident(table)} WHERE id = ${id}`);
  return rows.length > 0;
}
