import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeCondition, scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/time/clock';
import { badField, conflict, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { StructureErrorCode } from '../error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { CreateUnionDto, ListUnionsQuery, UnionDto, UpdateUnionDto } from './dto/union.dto';
import { Union } from './union.entity';

/**
 * The columns of a UnionDto. currentMembers sums the union-level rollups up to the
 * Clock's month in Japan (:currentMonth, its first day); as a subquery of the select
 * list it runs only for the rows of the page.
 */
const UNION_COLUMNS = `
  u.id AS id, u.code AS code, u.name AS name,
  u.federation_id AS "federationId", f.name AS "federationName",
  u.regional_council_id AS "regionalCouncilId", c.name AS "regionalCouncilName",
  u.employer_name AS "employerName", u.municipality AS municipality,
  to_char(u.affiliated_on, 'YYYY-MM-DD') AS "affiliatedOn", u.status AS status, u.kind AS kind,
  (SELECT coalesce(sum(r.members), 0)::int FROM union_month_rollups r
    WHERE r.union_id = u.id AND r.month <= CAST(:currentMonth AS date)) AS "currentMembers",
  u.version AS version, u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/**
 * Unions, read and written within the caller's scope (src/common/auth/scope.ts):
 * a union outside it answers 404 like an unknown id. Regional staff write only
 * their council's unions, federation users only their federation's, and neither
 * may move a union out of their reach.
 */
@Injectable()
export class UnionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: ListUnionsQuery, caller: CurrentUser): Promise<Page<UnionDto>> {
    const qb = this.scoped(caller);
    if (query.federationId) qb.andWhere('u.federation_id = :federationId', { federationId: query.federationId });
    if (query.regionalCouncilId) qb.andWhere('u.regional_council_id = :councilId', { councilId: query.regionalCouncilId });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.municipality) qb.andWhere('u.municipality = :municipality', { municipality: query.municipality });
    if (query.q) qb.andWhere('(u.name ILIKE :q OR u.employer_name ILIKE :q OR u.code ILIKE :q)', { q: containsPattern(query.q) });
    const counted = await qb.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const items = await this.withColumns(qb).orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').offset(query.offset).limit(query.limit).getRawMany<UnionDto>();
    return page(items, counted?.total ?? 0, query);
  }

  async get(id: string, caller: CurrentUser): Promise<UnionDto> {
    const union = await this.withColumns(this.scoped(caller).andWhere('u.id = :id', { id })).getRawOne<UnionDto>();
    if (!union) throw notFound('Union');
    return union;
  }

  async create(dto: CreateUnionDto, caller: CurrentUser): Promise<UnionDto> {
    this.checkWriteScope(caller, dto.regionalCouncilId, dto.federationId ?? null);
    await this.checkReferences(this.db.manager, dto);
    checkKind(dto.kind ?? 'enterprise', dto.federationId ?? null);
    const repository = this.db.getRepository(Union);
    const saved = await repository.save(repository.create({ ...dto, createdBy: caller.id, updatedBy: caller.id }));
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
      if (structural) await manager.query('LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE');
      const current = await this.lockInScope(manager, id, caller);
      if (structural) {
        this.checkWriteScope(caller, patch.regionalCouncilId ?? current.regionalCouncilId, next(patch.federationId, current.federationId));
      }
      await this.checkReferences(manager, patch);
      checkKind(patch.kind ?? current.kind, next(patch.federationId, current.federationId));
      const moves =
        (patch.federationId !== undefined && patch.federationId !== current.federationId) ||
        (patch.regionalCouncilId !== undefined && patch.regionalCouncilId !== current.regionalCouncilId);
      if (moves) await manager.query('SELECT aggregation_shift_union($1, -1)', [id]);
      if (!(await versionedUpdate(manager, Union, id, version, { ...patch, updatedBy: caller.id }))) throw notFound('Union');
      if (moves) await manager.query('SELECT aggregation_shift_union($1, 1)', [id]);
    });
    return this.get(id, caller);
  }

  /** A union with membership history is kept (set its status instead); other references answer 409 too. */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    await this.get(id, caller);
    const history: unknown[] = await this.db.query('SELECT 1 FROM membership_changes WHERE union_id = $1 LIMIT 1', [id]);
    if (history.length) {
      throw conflict(StructureErrorCode.UNION_HAS_MEMBERSHIP_HISTORY, 'The union has membership changes, which are never deleted; set its status to dissolved or merged instead');
    }
    const scope = scopeCondition(scopeOf(caller), 'unions');
    const result = await this.db.createQueryBuilder().delete().from(Union).where('id = :id', { id }).andWhere(scope.sql, scope.params).execute();
    if (!result.affected) throw notFound('Union');
  }

  /** Unions the caller may see, joined for display. */
  private scoped(caller: CurrentUser): SelectQueryBuilder<Union> {
    const scope = scopeCondition(scopeOf(caller), 'u');
    return this.db.createQueryBuilder(Union, 'u').where(scope.sql, scope.params);
  }

  /** The union as committed now, locked against other writers until the transaction ends; 404 outside the caller's scope. */
  private async lockInScope(
    manager: EntityManager,
    id: string,
    caller: CurrentUser,
  ): Promise<Pick<Union, 'federationId' | 'regionalCouncilId' | 'kind'>> {
    const scope = scopeCondition(scopeOf(caller), 'u');
    const row = await manager
      .createQueryBuilder(Union, 'u')
      .select(['u.id', 'u.federationId', 'u.regionalCouncilId', 'u.kind'])
      .where('u.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('for_no_key_update')
      .getOne();
    if (!row) throw notFound('Union');
    return row;
  }

  private withColumns(qb: SelectQueryBuilder<Union>): SelectQueryBuilder<Union> {
    return qb
      .select(UNION_COLUMNS)
      .leftJoin('federations', 'f', 'f.id = u.federation_id')
      .innerJoin('regional_councils', 'c', 'c.id = u.regional_council_id')
      .setParameter('currentMonth', `${this.clock.month()}-01`);
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
      throw badField('federationId', 'is not a known federation');
    }
    if (dto.regionalCouncilId && !(await exists(manager, 'regional_councils', dto.regionalCouncilId))) {
      throw badField('regionalCouncilId', 'is not a known regional council');
    }
  }
}

const next = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);

/** A directly affiliated union belongs to no federation. */
function checkKind(kind: string, federationId: string | null): void {
  if (kind === 'direct' && federationId) throw badField('federationId', 'must be empty for a directly affiliated union (kind direct)');
}

async function exists(manager: EntityManager, table: 'federations' | 'regional_councils', id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}
