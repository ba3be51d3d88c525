import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { PlatformErrorCode } from '../../platform/error-codes';
import { labelOf } from '../../platform/labels/labels';
import { Clock } from '../../platform/time/clock';
import { RELATION_KIND_LABELS } from '../labels';
import { CompanyRelation } from './company-relation.entity';
import { CompanyRelationDto, CreateCompanyRelationDto, ListCompanyRelationsQuery, UpdateCompanyRelationDto } from './dto/company-relation.dto';
import { RelationCandidate, lockRelations, relationProblem } from './relation-rules';

const relationColumns = (today: string): Sql => sql`r.id, r.parent_id AS "parentId", p.name AS "parentName",
  r.child_id AS "childId", ch.name AS "childName", r.kind, r.voting_share::float8 AS "votingShare",
  to_char(r.start_on, 'YYYY-MM-DD') AS "startOn", to_char(r.end_on, 'YYYY-MM-DD') AS "endOn", r.source, r.confidence,
  ((r.start_on IS NULL OR r.start_on <= ${today}::date) AND (r.end_on IS NULL OR r.end_on >= ${today}::date)) AS current,
  r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const RELATION_FROM = sql`company_relations r JOIN companies p ON p.id = r.parent_id JOIN companies ch ON ch.id = r.child_id`;

type RelationRow = Omit<CompanyRelationDto, 'kindLabel'>;
const toDto = (row: RelationRow): CompanyRelationDto => ({ ...row, kindLabel: labelOf(RELATION_KIND_LABELS, row.kind) });

/**
 * Relations between companies. Every write takes the relations' advisory lock, checks the
 * rules (relation-rules.ts) and writes in one transaction, so a cycle or a second
 * controlling parent is refused even when two requests race.
 */
@Injectable()
export class CompanyRelationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListCompanyRelationsQuery): Promise<Page<CompanyRelationDto>> {
    const today = this.clock.today();
    const conditions: Sql[] = [];
    if (filter.companyId) conditions.push(sql`(r.parent_id = ${filter.companyId} OR r.child_id = ${filter.companyId})`);
    if (filter.parentId) conditions.push(sql`r.parent_id = ${filter.parentId}`);
    if (filter.childId) conditions.push(sql`r.child_id = ${filter.childId}`);
    if (filter.current !== undefined) {
      const holds = sql`((r.start_on IS NULL OR r.start_on <= ${today}::date) AND (r.end_on IS NULL OR r.end_on >= ${today}::date))`;
      conditions.push(filter.current ? holds : sql`NOT ${holds}`);
    }
    const { rows, total } = await selectPage<RelationRow>(
      this.db,
      {
        columns: relationColumns(today),
        from: RELATION_FROM,
        countFrom: sql`company_relations r`,
        where: sql.and(conditions),
        orderBy: sql`p.name, ch.name, r.id`,
      },
      filter,
    );
    return page(rows.map(toDto), total, filter);
  }

  async get(id: string, executor: DataSource | EntityManager = this.db): Promise<CompanyRelationDto> {
    const [row] = await query<RelationRow[]>(executor, sql`SELECT ${relationColumns(this.clock.today())} FROM ${RELATION_FROM} WHERE r.id = ${id}`);
    if (!row) throw notFound('Company relation');
    return toDto(row);
  }

  async create(dto: CreateCompanyRelationDto, caller: CurrentUser): Promise<CompanyRelationDto> {
    const id = await this.db.transaction(async (manager) => {
      await lockRelations(manager);
      const candidate: RelationCandidate = {
        parentId: dto.parentId,
        childId: dto.childId,
        kind: dto.kind,
        startOn: dto.startOn ?? null,
        endOn: dto.endOn ?? null,
      };
      checkPeriod(candidate);
      const problem = await relationProblem(manager, candidate, this.clock.today(), null);
      if (problem) throw problem;
      const inserted = await manager.getRepository(CompanyRelation).insert({
        ...candidate,
        votingShare: dto.votingShare === undefined || dto.votingShare === null ? null : String(dto.votingShare),
        source: dto.source?.trim() || null,
        confidence: dto.confidence ?? 'medium',
        createdBy: caller.id,
        updatedBy: caller.id,
      });
      const relationId = inserted.identifiers[0].id as string;
      await this.audit.recordCreated(manager, caller, CompanyRelation, relationId, () => ({ action: 'company_relation.created' }));
      return relationId;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateCompanyRelationDto, caller: CurrentUser): Promise<CompanyRelationDto> {
    const { version, ...fields } = dto;
    for (const field of ['parentId', 'childId', 'kind', 'confidence'] as const) {
      if (fields[field] === null) throw badField(field, PlatformErrorCode.CANNOT_BE_CLEARED, 'cannot be cleared');
    }
    await this.db.transaction(async (manager) => {
      await lockRelations(manager);
      const current = await manager.getRepository(CompanyRelation).findOne({ where: { id } });
      if (!current) throw notFound('Company relation');
      const candidate: RelationCandidate = {
        parentId: fields.parentId ?? current.parentId,
        childId: fields.childId ?? current.childId,
        kind: fields.kind ?? current.kind,
        startOn: fields.startOn === undefined ? current.startOn : fields.startOn,
        endOn: fields.endOn === undefined ? current.endOn : fields.endOn,
      };
      checkPeriod(candidate);
      const problem = await relationProblem(manager, candidate, this.clock.today(), id);
      if (problem) throw problem;
      const patch: Record<string, unknown> = { ...candidate, updatedBy: caller.id };
      if (fields.votingShare !== undefined) patch.votingShare = fields.votingShare === null ? null : String(fields.votingShare);
      if (fields.source !== undefined) patch.source = fields.source?.trim() || null;
      if (fields.confidence !== undefined) patch.confidence = fields.confidence;
      const updated = await this.audit.recordChange(
        manager,
        caller,
        CompanyRelation,
        id,
        () => ({ action: 'company_relation.updated' }),
        () => versionedUpdate(manager, CompanyRelation, id, version, patch),
      );
      if (!updated) throw notFound('Company relation');
    });
    return this.get(id);
  }

  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.db.transaction(async (manager) => {
      await lockRelations(manager);
      return this.audit.recordChange(
        manager,
        caller,
        CompanyRelation,
        id,
        () => ({ action: 'company_relation.deleted' }),
        async () => {
          const [, affected] = await query<[unknown[], number]>(manager, sql`DELETE FROM company_relations WHERE id = ${id}`);
          return affected === 1;
        },
      );
    });
    if (!deleted) throw notFound('Company relation');
  }
}

function checkPeriod(candidate: RelationCandidate): void {
  if (candidate.startOn && candidate.endOn && candidate.endOn < candidate.startOn) {
    throw badField('endOn', PlatformErrorCode.OUT_OF_RANGE, 'must not be before startOn');
  }
}
