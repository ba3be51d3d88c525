import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import {
  CreateRegionalCouncilDto,
  ListRegionalCouncilsQuery,
  RegionalCouncilDto,
  UpdateRegionalCouncilDto,
  toRegionalCouncilDto,
} from './dto/regional-council.dto';
import { RegionalCouncil } from './regional-council.entity';

@Injectable()
export class RegionalCouncilsService {
  constructor(@InjectRepository(RegionalCouncil) private readonly councils: Repository<RegionalCouncil>) {}

  async list(query: ListRegionalCouncilsQuery): Promise<Page<RegionalCouncilDto>> {
    const qb = this.councils.createQueryBuilder('c').orderBy('c.code', 'ASC').take(query.limit).skip(query.offset);
    // @> uses the GIN index on municipalities
    if (query.municipality) qb.andWhere('c.municipalities @> ARRAY[:municipality]::text[]', { municipality: query.municipality });
    if (query.q) qb.andWhere('(c.code ILIKE :q OR c.name ILIKE :q OR c.name_en ILIKE :q)', { q: containsPattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(toRegionalCouncilDto), total, query);
  }

  async get(id: string): Promise<RegionalCouncilDto> {
    const council = await this.councils.findOneBy({ id });
    if (!council) throw notFound('Regional council');
    return toRegionalCouncilDto(council);
  }

  async create(dto: CreateRegionalCouncilDto, caller: CurrentUser): Promise<RegionalCouncilDto> {
    const saved = await this.councils.save(
      this.councils.create({ ...dto, municipalities: dto.municipalities ?? [], createdBy: caller.id, updatedBy: caller.id }),
    );
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateRegionalCouncilDto, caller: CurrentUser): Promise<RegionalCouncilDto> {
    const { version, ...patch } = dto;
    if (!(await versionedUpdate(this.councils.manager, RegionalCouncil, id, version, { ...patch, updatedBy: caller.id }))) {
      throw notFound('Regional council');
    }
    return this.get(id);
  }

  /** 409 while unions, users, prospects or consultations still belong to the council (foreign keys). */
  async remove(id: string): Promise<void> {
    const result = await this.councils.delete({ id });
    if (!result.affected) throw notFound('Regional council');
  }
}
