import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { CreateSectorDto, ListSectorsQuery, SectorDto, UpdateSectorDto, toSectorDto } from './dto/sector.dto';
import { Sector } from './sector.entity';

@Injectable()
export class SectorsService {
  constructor(@InjectRepository(Sector) private readonly sectors: Repository<Sector>) {}

  async list(query: ListSectorsQuery): Promise<Page<SectorDto>> {
    const qb = this.sectors.createQueryBuilder('s').orderBy('s.code', 'ASC').take(query.limit).skip(query.offset);
    if (query.q) qb.where('(s.code ILIKE :q OR s.name ILIKE :q)', { q: containsPattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(toSectorDto), total, query);
  }

  async get(id: string): Promise<SectorDto> {
    const sector = await this.sectors.findOneBy({ id });
    if (!sector) throw notFound('Sector');
    return toSectorDto(sector);
  }

  async create(dto: CreateSectorDto, caller: CurrentUser): Promise<SectorDto> {
    const saved = await this.sectors.save(this.sectors.create({ ...dto, createdBy: caller.id, updatedBy: caller.id }));
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
      if (patch.code !== undefined) await manager.query('LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE');
      const current = await manager
        .createQueryBuilder(Sector, 's')
        .select(['s.id', 's.code'])
        .where('s.id = :id', { id })
        .setLock('for_no_key_update')
        .getOne();
      if (!current) throw notFound('Sector');
      const renamed = patch.code !== undefined && patch.code !== current.code;
      if (!(await versionedUpdate(manager, Sector, id, version, { ...patch, updatedBy: caller.id }))) throw notFound('Sector');
      if (renamed) {
        for (const table of ['group_month_rollups', 'group_month_cause_rollups', 'published_group_month_rollups', 'published_group_month_cause_rollups']) {
          await manager.query(`UPDATE ${table} SET group_key = $2 WHERE level = 'sector' AND group_key = $1`, [current.code, patch.code]);
        }
      }
    });
    return this.get(id);
  }

  /** 409 while a federation still belongs to the sector (foreign key). */
  async remove(id: string): Promise<void> {
    const result = await this.sectors.delete({ id });
    if (!result.affected) throw notFound('Sector');
  }
}
