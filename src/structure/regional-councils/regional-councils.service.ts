import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import {
  CreateRegionalCouncilDto,
  ListRegionalCouncilsQuery,
  RegionalCouncilDto,
  UpdateRegionalCouncilDto,
  toRegionalCouncilDto,
} from './dto/regional-council.dto';
import { CouncilOrganizersDto } from './dto/council-organizer.dto';
import { RegionalCouncil } from './regional-council.entity';

/** A council row (alias c) in the entity's shape. */
const COUNCIL_COLUMNS = sql`c.id, c.code, c.name, c.name_en AS "nameEn", c.municipalities, c.version,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.created_by AS "createdBy", c.updated_by AS "updatedBy"`;

@Injectable()
export class RegionalCouncilsService {
  constructor(
    @InjectRepository(RegionalCouncil) private readonly councils: Repository<RegionalCouncil>,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListRegionalCouncilsQuery): Promise<Page<RegionalCouncilDto>> {
    const conditions: Sql[] = [];
    // @> uses the GIN index on municipalities
    if (filter.municipality) conditions.push(sql`c.municipalities @> ARRAY[${filter.municipality}]::text[]`);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(sql`c.code ILIKE ${pattern} OR c.name ILIKE ${pattern} OR c.name_en ILIKE ${pattern}`);
    }
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<RegionalCouncil>(
      this.councils.manager,
      { columns: COUNCIL_COLUMNS, from: sql`regional_councils c`, where, orderBy: sql`c.code ASC` },
      filter,
    );
    return page(rows.map(toRegionalCouncilDto), total, filter);
  }

  async get(id: string): Promise<RegionalCouncilDto> {
    const council = await this.councils.findOneBy({ id });
    if (!council) throw notFound('Regional council');
    return toRegionalCouncilDto(council);
  }

  /**
   * The council's organizers who can sign in (not disabled), by name. Regional staff and
   * organizers read only their own council's; another council answers 404 like an unknown one.
   */
  async organizers(id: string, caller: CurrentUser): Promise<CouncilOrganizersDto> {
    const scope = scopeOf(caller);
    if (scope.kind === 'council' && scope.regionalCouncilId !== id) throw notFound('Regional council');
    const council = await query<unknown[]>(this.councils.manager, sql`SELECT 1 FROM regional_councils WHERE id = ${id}`);
    if (!council.length) throw notFound('Regional council');
    const items = await query<{ id: string; displayName: string }[]>(
      this.councils.manager,
      sql`SELECT u.id, u.display_name AS "displayName" FROM users u
          WHERE u.regional_council_id = ${id} AND u.role = 'organizer' AND u.disabled_at IS NULL
          ORDER BY u.display_name, u.id`,
    );
    return { items };
  }

  async create(dto: CreateRegionalCouncilDto, caller: CurrentUser): Promise<RegionalCouncilDto> {
    const saved = await this.councils.manager.transaction(async (manager) => {
      const council = await manager.save(
        RegionalCouncil,
        manager.create(RegionalCouncil, { ...dto, municipalities: dto.municipalities ?? [], createdBy: caller.id, updatedBy: caller.id }),
      );
      return this.audit.recordCreated(manager, caller, RegionalCouncil, council.id, () => ({
        action: 'regional_council.created',
        scope: { regionalCouncilId: council.id },
      }));
    });
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateRegionalCouncilDto, caller: CurrentUser): Promise<RegionalCouncilDto> {
    const { version, ...patch } = dto;
    const scope = { regionalCouncilId: id };
    const updated = await this.councils.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        RegionalCouncil,
        id,
        () => ({ action: 'regional_council.updated', scope }),
        () => versionedUpdate(manager, RegionalCouncil, id, version, { ...patch, updatedBy: caller.id }),
      ),
    );
    if (!updated) throw notFound('Regional council');
    return this.get(id);
  }

  /** 409 while unions, users, prospects or consultations still belong to the council (foreign keys). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.councils.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        RegionalCouncil,
        id,
        () => ({ action: 'regional_council.deleted', scope: { regionalCouncilId: id } }),
        async () => (await manager.delete(RegionalCouncil, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('Regional council');
  }
}
