import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { OrganizingErrorCode } from '../error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { Consultation } from './consultation.entity';
import { contactDetailIn } from './contact-details';
import { ConsultationDto, CreateConsultationDto, ListConsultationsQuery, UpdateConsultationDto, toConsultationDto } from './dto/consultation.dto';

/** A consultation row (alias c) in the entity's shape: camelCase names, the date as YYYY-MM-DD. */
const CONSULTATION_COLUMNS = sql`c.id, to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", c.regional_council_id AS "regionalCouncilId",
  c.channel, c.topics, c.employer_name AS "employerName", c.workers_concerned AS "workersConcerned", c.summary,
  c.prospect_id AS "prospectId", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  c.created_by AS "createdBy", c.updated_by AS "updatedBy"`;

/** Council staff read their council's consultations; leadership and admins all. */
const inScopeOf = (caller: CurrentUser): Sql => inScope.council(scopeOf(caller), 'c');

function refuseContactDetails(fields: { summary?: string | null; employerName?: string | null }): void {
  for (const field of ['summary', 'employerName'] as const) {
    const found = contactDetailIn(fields[field] ?? '');
    if (found) throw badField(field, OrganizingErrorCode.CONTACT_DETAIL, `must not hold ${found}: consultations keep no names or contact details`);
  }
}

/**
 * Street-corner consultations. Sensitive: read only by the staff of their council,
 * leadership and admins; written by the staff of their council and admins.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectRepository(Consultation) private readonly consultations: Repository<Consultation>,
    private readonly idempotent: IdempotentWriter,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListConsultationsQuery, caller: CurrentUser): Promise<Page<ConsultationDto>> {
    const conditions: Sql[] = [inScopeOf(caller)];
    if (filter.regionalCouncilId) conditions.push(sql`c.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.prospectId) conditions.push(sql`c.prospect_id = ${filter.prospectId}`);
    if (filter.topic) conditions.push(sql`${filter.topic} = ANY(c.topics)`);
    if (filter.channel) conditions.push(sql`c.channel = ${filter.channel}`);
    if (filter.from) conditions.push(sql`c.received_on >= ${filter.from}`);
    if (filter.to) conditions.push(sql`c.received_on <= ${filter.to}`);
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<Consultation>(
      this.consultations.manager,
      { columns: CONSULTATION_COLUMNS, from: sql`consultations c`, where, orderBy: sql`c.received_on DESC, c.created_at DESC, c.id ASC` },
      filter,
    );
    return page(rows.map(toConsultationDto), total, filter);
  }

  async get(id: string, caller: CurrentUser, manager: EntityManager = this.consultations.manager): Promise<ConsultationDto> {
    const [found] = await query<Consultation[]>(manager, sql`SELECT ${CONSULTATION_COLUMNS} FROM consultations c WHERE c.id = ${id} AND ${inScopeOf(caller)}`);
    if (!found) throw notFound('Consultation');
    return toConsultationDto(found);
  }

  /** A retry with the same Idempotency-Key and body answers the first record and records nothing. */
  async create(dto: CreateConsultationDto, caller: CurrentUser, request: IdempotentRequest): Promise<ConsultationDto> {
    refuseContactDetails(dto);
    const councilId = dto.regionalCouncilId ?? (caller.role === 'regional' ? caller.regionalCouncilId : null);
    if (!councilId) throw badField('regionalCouncilId', PlatformErrorCode.REQUIRED, 'is required');
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      await this.checkLinks(manager, caller, councilId, dto.prospectId ?? null);
      const inserted = await manager.getRepository(Consultation).insert({
        receivedOn: dto.receivedOn,
        regionalCouncilId: councilId,
        channel: dto.channel,
        topics: dto.topics,
        employerName: dto.employerName?.trim() || null,
        workersConcerned: dto.workersConcerned ?? null,
        summary: dto.summary.trim(),
        prospectId: dto.prospectId ?? null,
        createdBy: caller.id,
        updatedBy: caller.id,
      });
      const id = inserted.identifiers[0].id as string;
      // the summary's words are never recorded (changesBetween hides free text)
      await this.audit.recordCreated(manager, caller, Consultation, id, () => ({ action: 'consultation.created', scope: { regionalCouncilId: councilId } }));
      return this.get(id, caller, manager);
    });
    return result.body;
  }

  async update(id: string, dto: UpdateConsultationDto, caller: CurrentUser): Promise<ConsultationDto> {
    for (const field of ['receivedOn', 'regionalCouncilId', 'channel', 'topics', 'summary'] as const) {
      if (dto[field] === null) throw badField(field, PlatformErrorCode.CANNOT_BE_CLEARED, 'cannot be cleared');
    }
    refuseContactDetails(dto);
    const current = await this.get(id, caller);
    await this.consultations.manager.transaction(async (manager) => {
      const { version, ...fields } = dto;
      const councilId = fields.regionalCouncilId ?? current.regionalCouncilId;
      const prospectId = fields.prospectId === undefined ? current.prospectId : fields.prospectId;
      await this.checkLinks(manager, caller, councilId, prospectId);
      const patch: Record<string, unknown> = { ...fields, updatedBy: caller.id };
      for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
      const event = { action: 'consultation.updated', scope: { regionalCouncilId: councilId } } as const;
      if (
        !(await this.audit.recordChange(
          manager,
          caller,
          Consultation,
          id,
          () => event,
          () => versionedUpdate(manager, Consultation, id, version, patch),
        ))
      ) {
        throw notFound('Consultation');
      }
    });
    return this.get(id, caller);
  }

  /** Staff write only their own council's; a linked prospect must lie in the same council. */
  private async checkLinks(manager: EntityManager, caller: CurrentUser, councilId: string, prospectId: string | null): Promise<void> {
    if (caller.role === 'regional' && councilId !== caller.regionalCouncilId) {
      throw forbidden('You record consultations of your own regional council only');
    }
    const council = await query<unknown[]>(manager, sql`SELECT 1 FROM regional_councils WHERE id = ${councilId}`);
    if (council.length === 0) throw badField('regionalCouncilId', PlatformErrorCode.UNKNOWN_REFERENCE, 'refers to a regional council that does not exist');
    if (!prospectId) return;
    const prospect = await query<unknown[]>(manager, sql`SELECT 1 FROM prospects WHERE id = ${prospectId} AND regional_council_id = ${councilId}`);
    if (prospect.length === 0) throw badField('prospectId', OrganizingErrorCode.PROSPECT_OF_OTHER_COUNCIL, 'must be a prospect of the same regional council');
  }
}
