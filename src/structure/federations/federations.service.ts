import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { CreateFederationDto, FederationDto, ListFederationsQuery, UpdateFederationDto, toFederationDto } from './dto/federation.dto';
import { Federation } from './federation.entity';

/** A federation row (alias f) in the entity's shape. */
const FEDERATION_COLUMNS = sql`f.id, f.code, f.name, f.name_en AS "nameEn", f.sector_code AS "sectorCode", f.version,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt", f.created_by AS "createdBy", f.updated_by AS "updatedBy"`;

@Injectable()
export class FederationsService {
  constructor(
    @InjectRepository(Federation) private readonly federations: Repository<Federation>,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListFederationsQuery): Promise<Page<FederationDto>> {
    const conditions: Sql[] = [];
    if (filter.sectorCode) conditions.push(sql`f.sector_code = ${filter.sectorCode}`);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(sql`f.code ILIKE ${pattern} OR f.name ILIKE ${pattern} OR f.name_en ILIKE ${pattern}`);
    }
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<Federation>(
      this.federations.manager,
      { columns: FEDERATION_COLUMNS, from: sql`federations f`, where, orderBy: sql`f.code ASC` },
      filter,
    );
    return page(rows.map(toFederationDto), total, filter);
  }

  async get(id: string): Promise<FederationDto> {
    const federation = await this.federations.findOneBy({ id });
    if (!federation) throw notFound('Federation');
    return toFederationDto(federation);
  }

  async create(dto: CreateFederationDto, caller: CurrentUser): Promise<FederationDto> {
    await this.checkSector(this.federations.manager, dto.sectorCode);
    const saved = await this.federations.manager.transaction(async (manager) => {
      const federation = await manager.save(Federation, manager.create(Federation, { ...dto, createdBy: caller.id, updatedBy: caller.id }));
      return this.audit.recordCreated(manager, caller, Federation, federation.id, () => ({
        action: 'federation.created',
        scope: { federationId: federation.id },
      }));
    });
    return this.get(saved.id);
  }

  /**
   * A new sector moves the federation's figures between sector rollups: with the
   * outbox locked, its unions' contribution is taken out, the federation updated,
   * and the contribution added back under the new sector, in one transaction.
   *
   * When the patch names a sector, the outbox is locked first and the federation then
   * read inside the transaction and locked (FOR NO KEY UPDATE), so whether it moves is
   * decided from the row a concurrent PATCH may just have changed, never from an older
   * read. The order matches a sector's renaming, which locks the outbox and then
   * updates its federations.
   */
  async update(id: string, dto: UpdateFederationDto, caller: CurrentUser): Promise<FederationDto> {
    const { version, ...patch } = dto;
    await this.federations.manager.transaction(async (manager) => {
      if (patch.sectorCode !== undefined) {
        await this.checkSector(manager, patch.sectorCode);
        await query(manager, sql`LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE`);
      }
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Federation,
        id,
        () => ({ action: 'federation.updated', scope: { federationId: id } }),
        async () => {
          const [current] = await query<Pick<Federation, 'sectorCode'>[]>(
            manager,
            sql`SELECT f.sector_code AS "sectorCode" FROM federations f WHERE f.id = ${id} FOR NO KEY UPDATE`,
          );
          if (!current) return false;
          const movesSector = patch.sectorCode !== undefined && patch.sectorCode !== current.sectorCode;
          if (movesSector) await query(manager, sql`SELECT aggregation_shift_federation(${id}, -1)`);
          if (!(await versionedUpdate(manager, Federation, id, version, { ...patch, updatedBy: caller.id }))) return false;
          if (movesSector) await query(manager, sql`SELECT aggregation_shift_federation(${id}, 1)`);
          return true;
        },
      );
      if (!updated) throw notFound('Federation');
    });
    return this.get(id);
  }

  /** 409 while unions, users or prospects still refer to the federation (foreign keys). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.federations.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        Federation,
        id,
        () => ({ action: 'federation.deleted', scope: { federationId: id } }),
        async () => (await manager.delete(Federation, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('Federation');
  }

  private async checkSector(manager: EntityManager, sectorCode: string): Promise<void> {
    const rows = await query<unknown[]>(manager, sql`SELECT 1 FROM sectors WHERE code = ${sectorCode}`);
    if (!rows.length) throw badField('sectorCode', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known sector');
  }
}
