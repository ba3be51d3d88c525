import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { CreateFederationDto, FederationDto, ListFederationsQuery, UpdateFederationDto, toFederationDto } from './dto/federation.dto';
import { Federation } from './federation.entity';

@Injectable()
export class FederationsService {
  constructor(@InjectRepository(Federation) private readonly federations: Repository<Federation>) {}

  async list(query: ListFederationsQuery): Promise<Page<FederationDto>> {
    const qb = this.federations.createQueryBuilder('f').orderBy('f.code', 'ASC').take(query.limit).skip(query.offset);
    if (query.sectorCode) qb.andWhere('f.sectorCode = :sectorCode', { sectorCode: query.sectorCode });
    if (query.q) qb.andWhere('(f.code ILIKE :q OR f.name ILIKE :q OR f.name_en ILIKE :q)', { q: containsPattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(toFederationDto), total, query);
  }

  async get(id: string): Promise<FederationDto> {
    const federation = await this.federations.findOneBy({ id });
    if (!federation) throw notFound('Federation');
    return toFederationDto(federation);
  }

  async create(dto: CreateFederationDto, caller: CurrentUser): Promise<FederationDto> {
    await this.checkSector(this.federations.manager, dto.sectorCode);
    const saved = await this.federations.save(this.federations.create({ ...dto, createdBy: caller.id, updatedBy: caller.id }));
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
        await manager.query('LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE');
      }
      const current = await manager
        .createQueryBuilder(Federation, 'f')
        .select(['f.id', 'f.sectorCode'])
        .where('f.id = :id', { id })
        .setLock('for_no_key_update')
        .getOne();
      if (!current) throw notFound('Federation');
      const movesSector = patch.sectorCode !== undefined && patch.sectorCode !== current.sectorCode;
      if (movesSector) await manager.query('SELECT aggregation_shift_federation($1, -1)', [id]);
      if (!(await versionedUpdate(manager, Federation, id, version, { ...patch, updatedBy: caller.id }))) {
        throw notFound('Federation');
      }
      if (movesSector) await manager.query('SELECT aggregation_shift_federation($1, 1)', [id]);
    });
    return this.get(id);
  }

  /** 409 while unions, users or prospects still refer to the federation (foreign keys). */
  async remove(id: string): Promise<void> {
    const result = await this.federations.delete({ id });
    if (!result.affected) throw notFound('Federation');
  }

  private async checkSector(manager: EntityManager, sectorCode: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM sectors WHERE code = $1', [sectorCode]);
    if (!rows.length) throw badField('sectorCode', 'is not a known sector');
  }
}
