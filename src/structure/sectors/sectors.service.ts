import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { CreateSectorDto, ListSectorsQuery, SectorDto, UpdateSectorDto, toSectorDto } from './dto/sector.dto';
import { Sector } from './sector.entity';

/** A sector row (alias s) in the entity's shape. */
const SECTOR_COLUMNS = sql`s.id, s.code, s.name, s.name_en AS "nameEn", s.version, s.created_at AS "createdAt",
  s.updated_at AS "updatedAt", s.created_by AS "createdBy", s.updated_by AS "updatedBy"`;

/** The sector's rollup groups are keyed by its code, in the live and the published figures. */
const SECTOR_KEYED_TABLES = ['group_month_rollups', 'group_month_cause_rollups', 'published_group_month_rollups', 'published_group_month_cause_rollups'];

@Injectable()
export class SectorsService {
  constructor(
    @InjectRepository(Sector) private readonly sectors: Repository<Sector>,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListSectorsQuery): Promise<Page<SectorDto>> {
    const conditions: Sql[] = [];
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(sql`s.code ILIKE ${pattern} OR s.name ILIKE ${pattern}`);
    }
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<Sector>(
      this.sectors.manager,
      { columns: SECTOR_COLUMNS, from: sql`sectors s`, where, orderBy: sql`s.code ASC` },
      filter,
    );
    return page(rows.map(toSectorDto), total, filter);
  }

  async get(id: string): Promise<SectorDto> {
    const sector = await this.sectors.findOneBy({ id });
    if (!sector) throw notFound('Sector');
    return toSectorDto(sector);
  }

  async create(dto: CreateSectorDto, caller: CurrentUser): Promise<SectorDto> {
    const saved = await this.sectors.manager.transaction(async (manager) => {
      const sector = await manager.save(Sector, manager.create(Sector, { ...dto, createdBy: caller.id, updatedBy: caller.id }));
      return this.audit.recordCreated(manager, caller, Sector, sector.id, () => ({ action: 'sector.created' }));
    });
    return this.get(saved.id);
  }

  /**
   * A new code cascades to the federations (ON UPDATE CASCADE) and, in the same
   * transaction, renames the sector's rollup groups, which are keyed by code.
   *
   * When the patch names a code, the outbox is locked first (no batch may add to the old
   * key while the groups are renamed) and the sector then read inside the transaction and
   * locked (FOR NO KEY UPDATE), so whether and from which code the groups move is decided
   * from the row a concurrent PATCH may just have renamed, never from an older read. The
   * order matches a federation's move, which locks the outbox and then its federation.
   */
  async update(id: string, dto: UpdateSectorDto, caller: CurrentUser): Promise<SectorDto> {
    const { version, ...patch } = dto;
    await this.sectors.manager.transaction(async (manager) => {
      if (patch.code !== undefined) await query(manager, sql`LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE`);
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Sector,
        id,
        () => ({ action: 'sector.updated' }),
        async () => {
          const [current] = await query<Pick<Sector, 'code'>[]>(manager, sql`SELECT s.code FROM sectors s WHERE s.id = ${id} FOR NO KEY UPDATE`);
          if (!current) return false;
          const renamed = patch.code !== undefined && patch.code !== current.code;
          if (!(await versionedUpdate(manager, Sector, id, version, { ...patch, updatedBy: caller.id }))) return false;
          if (renamed) {
            for (const table of SECTOR_KEYED_TABLES) {
              await query(manager, sql`UPDATE ${sql.ident(table)} SET group_key = ${patch.code} WHERE level = 'sector' AND group_key = ${current.code}`);
            }
          }
          return true;
        },
      );
      if (!updated) throw notFound('Sector');
    });
    return this.get(id);
  }

  /** 409 while a federation still belongs to the sector (foreign key). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.sectors.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        Sector,
        id,
        () => ({ action: 'sector.deleted' }),
        async () => (await manager.delete(Sector, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('Sector');
  }
}
