import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { CreateProspectDto, ListProspectsQuery, ProspectDto, ProspectSort, UpdateProspectDto, WorkforceDto, toProspectDto } from './dto/prospect.dto';
import { canManage, prospectScopeCondition } from './prospect-access';
import { checkOrganizers, normalizeName, resolveCouncil, toKatakana } from './prospect-location';
import { Prospect } from './prospect.entity';

/** The only ways a list may be ordered: user input never reaches ORDER BY. */
const SORT_COLUMNS: Record<string, keyof Prospect> = {
  nextActionOn: 'nextActionOn',
  updatedAt: 'updatedAt',
  employerName: 'employerName',
  employerNameKana: 'employerNameKana',
};

const optionalName = (value: string | null | undefined): string | null => (value ? normalizeName(value) || null : null);

function workforceColumns(workforce: WorkforceDto | null | undefined): Partial<Prospect> {
  if (workforce === undefined) return {};
  return {
    workforceRegular: workforce?.regular ?? null,
    workforcePartTime: workforce?.partTime ?? null,
    workforceFixedTerm: workforce?.fixedTerm ?? null,
    workforceDispatch: workforce?.dispatch ?? null,
  };
}

@Injectable()
export class ProspectsService {
  constructor(
    private readonly db: DataSource,
    private readonly idempotent: IdempotentWriter,
  ) {}

  /** The prospect if the caller may read it, else 404 (ids outside the scope cannot be probed). */
  async findInScope(manager: EntityManager, id: string, caller: CurrentUser, lock = false): Promise<Prospect> {
    const scope = prospectScopeCondition(caller);
    const qb = manager.getRepository(Prospect).createQueryBuilder('p').where('p.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    const prospect = await qb.getOne();
    if (!prospect) throw notFound('Prospect');
    return prospect;
  }

  scopedQuery(caller: CurrentUser): SelectQueryBuilder<Prospect> {
    const scope = prospectScopeCondition(caller);
    return this.db.getRepository(Prospect).createQueryBuilder('p').where(scope.sql, scope.params);
  }

  async list(query: ListProspectsQuery, caller: CurrentUser): Promise<Page<ProspectDto>> {
    const qb = this.scopedQuery(caller);
    if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.regionalCouncilId) qb.andWhere('p.regional_council_id = :councilId', { councilId: query.regionalCouncilId });
    if (query.targetFederationId) qb.andWhere('p.target_federation_id = :federationId', { federationId: query.targetFederationId });
    if (query.assignedOrganizerId) {
      qb.andWhere('p.assigned_organizer_ids @> ARRAY[:organizerId]::uuid[]', { organizerId: query.assignedOrganizerId });
    }
    if (query.nextActionBefore) qb.andWhere('p.next_action_on < :before', { before: query.nextActionBefore });
    if (query.q) {
      // a partial match anywhere in the name (Japanese has no word boundaries); trigram indexes serve it
      const like = containsPattern(normalizeName(query.q));
      const kana = containsPattern(toKatakana(query.q));
      qb.andWhere('(p.employer_name ILIKE :like OR p.establishment_name ILIKE :like OR p.employer_name_kana ILIKE :kana)', { like, kana });
    }
    this.applySort(qb, query.sort);
    const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows.map(toProspectDto), total, query);
  }

  private applySort(qb: SelectQueryBuilder<Prospect>, sort: ProspectSort): void {
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[sort.replace(/^-/, '')];
    qb.orderBy(`p.${column}`, descending ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC');
  }

  async get(id: string, caller: CurrentUser, manager: EntityManager = this.db.manager): Promise<ProspectDto> {
    return toProspectDto(await this.findInScope(manager, id, caller));
  }

  /** A retry with the same Idempotency-Key and body answers the first result and creates nothing. */
  async create(dto: CreateProspectDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      const municipality = optionalName(dto.municipality);
      const councilId = await resolveCouncil(manager, municipality, dto.regionalCouncilId ?? null);
      if (!canManage(caller, { regionalCouncilId: councilId })) throw forbidden('You manage only the prospects of your own regional council');
      const organizers = dto.assignedOrganizerIds ?? [];
      await checkOrganizers(manager, organizers, councilId);
      const stage = dto.stage ?? 'identified';
      const result = await manager.getRepository(Prospect).insert({
        employerName: normalizeName(dto.employerName),
        employerNameKana: dto.employerNameKana ? toKatakana(dto.employerNameKana) || null : null,
        establishmentName: optionalName(dto.establishmentName),
        municipality,
        regionalCouncilId: councilId,
        sectorCode: dto.sectorCode ?? null,
        targetFederationId: dto.targetFederationId ?? null,
        estimatedWorkers: dto.estimatedWorkers,
        ...workforceColumns(dto.workforce ?? null),
        source: dto.source,
        stage,
        assignedOrganizerIds: organizers,
        nextActionOn: dto.nextActionOn ?? null,
        createdBy: caller.id,
        updatedBy: caller.id,
      });
      const prospectId = result.identifiers[0].id as string;
      await manager.query(
        `INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, changed_by) VALUES ($1, 'created', NULL, $2, $3)`,
        [prospectId, stage, caller.id],
      );
      return this.get(prospectId, caller, manager);
    });
    return result.body;
  }

  async update(id: string, dto: UpdateProspectDto, caller: CurrentUser): Promise<ProspectDto> {
    for (const field of ['employerName', 'estimatedWorkers', 'source', 'regionalCouncilId', 'assignedOrganizerIds'] as const) {
      if (dto[field] === null) throw badField(field, 'cannot be cleared');
    }
    await this.db.transaction(async (manager) => {
      const current = await this.findInScope(manager, id, caller);
      if (!canManage(caller, current)) throw forbidden('Only the staff of its regional council change a prospect');
      const { version, workforce, ...fields } = dto;
      const municipality = fields.municipality === undefined ? current.municipality : optionalName(fields.municipality);
      const councilId = await this.councilAfterUpdate(manager, current, municipality, fields.regionalCouncilId);
      if (!canManage(caller, { regionalCouncilId: councilId })) throw forbidden('You manage only the prospects of your own regional council');
      const organizers = fields.assignedOrganizerIds ?? current.assignedOrganizerIds;
      if (fields.assignedOrganizerIds !== undefined || councilId !== current.regionalCouncilId) {
        await checkOrganizers(manager, organizers, councilId);
      }
      const patch: Record<string, unknown> = {
        ...fields,
        ...workforceColumns(workforce),
        municipality,
        regionalCouncilId: councilId,
        updatedBy: caller.id,
      };
      if (fields.employerName !== undefined) patch.employerName = normalizeName(fields.employerName);
      if (fields.employerNameKana !== undefined) patch.employerNameKana = fields.employerNameKana ? toKatakana(fields.employerNameKana) || null : null;
      if (fields.establishmentName !== undefined) patch.establishmentName = optionalName(fields.establishmentName);
      for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
      if (!(await versionedUpdate(manager, Prospect, id, version, patch))) throw notFound('Prospect');
    });
    return this.get(id, caller);
  }

  /**
   * The council after a change: the one named, else the current one while it still lists the
   * municipality, else the one council that lists the new municipality.
   */
  private async councilAfterUpdate(
    manager: EntityManager,
    current: Prospect,
    municipality: string | null,
    requested: string | undefined,
  ): Promise<string> {
    if (requested !== undefined) return resolveCouncil(manager, municipality, requested);
    if (municipality === current.municipality) return current.regionalCouncilId;
    if (municipality === null) return current.regionalCouncilId;
    const covers: unknown[] = await manager.query(`SELECT 1 FROM regional_councils WHERE id = $1 AND municipalities @> ARRAY[$2]::text[]`, [
      current.regionalCouncilId,
      municipality,
    ]);
    return resolveCouncil(manager, municipality, covers.length ? current.regionalCouncilId : null);
  }
}
