import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Page, PageQuery, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { CreateProspectDto, ListProspectsQuery, ProspectDto, ProspectSort, UpdateProspectDto, WorkforceDto, toProspectDto } from './dto/prospect.dto';
import { auditScopeOf, canManage } from './prospect-access';
import { checkOrganizers, normalizeName, resolveCouncil, toKatakana } from './prospect-location';
import { Prospect } from './prospect.entity';
import { fillFromCompany, onlyOrganizerOf } from './prospect-from-company';

/** A prospect row (alias p) in the entity's shape: camelCase names, the date as YYYY-MM-DD. */
const PROSPECT_COLUMNS = sql`p.id, p.employer_name AS "employerName", p.employer_name_kana AS "employerNameKana",
  p.establishment_name AS "establishmentName", p.municipality, p.regional_council_id AS "regionalCouncilId",
  p.sector_code AS "sectorCode", p.target_federation_id AS "targetFederationId", p.estimated_workers AS "estimatedWorkers",
  p.workforce_regular AS "workforceRegular", p.workforce_part_time AS "workforcePartTime",
  p.workforce_fixed_term AS "workforceFixedTerm", p.workforce_dispatch AS "workforceDispatch", p.source, p.stage,
  p.stage_changed_at AS "stageChangedAt", p.held_from_stage AS "heldFromStage", p.assigned_organizer_ids AS "assignedOrganizerIds",
  to_char(p.next_action_on, 'YYYY-MM-DD') AS "nextActionOn", p.union_id AS "unionId", p.company_id AS "companyId", p.version, p.created_at AS "createdAt",
  p.updated_at AS "updatedAt", p.created_by AS "createdBy", p.updated_by AS "updatedBy"`;

/** The only ways a list may be ordered: user input never reaches ORDER BY. */
const SORT_COLUMNS: Record<string, Sql> = {
  nextActionOn: sql`p.next_action_on`,
  updatedAt: sql`p.updated_at`,
  employerName: sql`p.employer_name`,
  employerNameKana: sql`p.employer_name_kana`,
};

/** ORDER BY for a sort such as -updatedAt: dates not set come last, the id breaks ties. */
function sortOrder(sort: ProspectSort): Sql {
  const column = SORT_COLUMNS[sort.replace(/^-/, '')];
  return sort.startsWith('-') ? sql`${column} DESC NULLS LAST, p.id ASC` : sql`${column} ASC NULLS LAST, p.id ASC`;
}

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
    private readonly audit: AuditLog,
  ) {}

  /** The prospect if the caller may read it, else 404 (ids outside the scope cannot be probed). */
  async findInScope(manager: EntityManager, id: string, caller: CurrentUser, lock = false): Promise<Prospect> {
    const [prospect] = await query<Prospect[]>(
      manager,
      sql`SELECT ${PROSPECT_COLUMNS} FROM prospects p
           WHERE p.id = ${id} AND ${inScope.prospect(scopeOf(caller), 'p')}
          ${lock ? sql`FOR UPDATE` : sql``}`,
    );
    if (!prospect) throw notFound('Prospect');
    return prospect;
  }

  /** A page of the prospects in the caller's scope that meet every condition, and how many there are; `order` ends in p.id. */
  async listInScope(caller: CurrentUser, conditions: Sql[], order: Sql, pageQuery: PageQuery): Promise<{ rows: Prospect[]; total: number }> {
    const where = sql.and([inScope.prospect(scopeOf(caller), 'p'), ...conditions]);
    return selectPage<Prospect>(this.db, { columns: PROSPECT_COLUMNS, from: sql`prospects p`, where, orderBy: order }, pageQuery);
  }

  async list(filter: ListProspectsQuery, caller: CurrentUser): Promise<Page<ProspectDto>> {
    const conditions: Sql[] = [];
    if (filter.stage) conditions.push(sql`p.stage = ${filter.stage}`);
    if (filter.regionalCouncilId) conditions.push(sql`p.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.targetFederationId) conditions.push(sql`p.target_federation_id = ${filter.targetFederationId}`);
    if (filter.assignedOrganizerId) conditions.push(sql`p.assigned_organizer_ids @> ARRAY[${filter.assignedOrganizerId}]::uuid[]`);
    if (filter.nextActionBefore) conditions.push(sql`p.next_action_on < ${filter.nextActionBefore}`);
    if (filter.q) {
      // a partial match anywhere in the name (Japanese has no word boundaries); trigram indexes serve it
      const like = containsPattern(normalizeName(filter.q));
      const kana = containsPattern(toKatakana(filter.q));
      conditions.push(sql`p.employer_name ILIKE ${like} OR p.establishment_name ILIKE ${like} OR p.employer_name_kana ILIKE ${kana}`);
    }
    const { rows, total } = await this.listInScope(caller, conditions, sortOrder(filter.sort), filter);
    return page(rows.map(toProspectDto), total, filter);
  }

  async get(id: string, caller: CurrentUser, manager: EntityManager = this.db.manager): Promise<ProspectDto> {
    return toProspectDto(await this.findInScope(manager, id, caller));
  }

  /** A retry with the same Idempotency-Key and body answers the first result and creates nothing. */
  async create(body: CreateProspectDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(caller, request, body, async (manager) => {
      const dto = await fillFromCompany(manager, body);
      const municipality = optionalName(dto.municipality);
      const councilId = await resolveCouncil(manager, municipality, dto.regionalCouncilId ?? null);
      if (!canManage(caller, { regionalCouncilId: councilId })) throw forbidden('You manage only the prospects of your own regional council');
      const organizers = dto.assignedOrganizerIds ?? (body.fromCompanyId ? await onlyOrganizerOf(manager, councilId) : []);
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
        companyId: dto.companyId ?? null,
        createdBy: caller.id,
        updatedBy: caller.id,
      });
      const prospectId = result.identifiers[0].id as string;
      await query(
        manager,
        sql`INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, changed_by)
            VALUES (${prospectId}, 'created', NULL, ${stage}, ${caller.id})`,
      );
      await this.audit.recordCreated(manager, caller, Prospect, prospectId, (after) => ({ action: 'prospect.created', scope: auditScopeOf(after) }));
      return this.get(prospectId, caller, manager);
    });
    return result.body;
  }

  async update(id: string, dto: UpdateProspectDto, caller: CurrentUser): Promise<ProspectDto> {
    for (const field of ['employerName', 'estimatedWorkers', 'source', 'regionalCouncilId', 'assignedOrganizerIds'] as const) {
      if (dto[field] === null) throw badField(field, PlatformErrorCode.CANNOT_BE_CLEARED, 'cannot be cleared');
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
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Prospect,
        id,
        (_, after) => ({ action: 'prospect.updated', scope: auditScopeOf(after ?? current) }),
        () => versionedUpdate(manager, Prospect, id, version, patch),
      );
      if (!updated) throw notFound('Prospect');
    });
    return this.get(id, caller);
  }

  /**
   * The council after a change: the one named, else the current one while it still lists the
   * municipality, else the one council that lists the new municipality.
   */
  private async councilAfterUpdate(manager: EntityManager, current: Prospect, municipality: string | null, requested: string | undefined): Promise<string> {
    if (requested !== undefined) return resolveCouncil(manager, municipality, requested);
    if (municipality === current.municipality) return current.regionalCouncilId;
    if (municipality === null) return current.regionalCouncilId;
    const covers = await query<unknown[]>(
      manager,
      sql`SELECT 1 FROM regional_councils WHERE id = ${current.regionalCouncilId} AND municipalities @> ARRAY[${municipality}]::text[]`,
    );
    return resolveCouncil(manager, municipality, covers.length ? current.regionalCouncilId : null);
  }
}
