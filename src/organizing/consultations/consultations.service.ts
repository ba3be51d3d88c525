import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { Consultation } from './consultation.entity';
import { contactDetailIn } from './contact-details';
import { ConsultationDto, CreateConsultationDto, ListConsultationsQuery, UpdateConsultationDto, toConsultationDto } from './dto/consultation.dto';

function refuseContactDetails(fields: { summary?: string | null; employerName?: string | null }): void {
  for (const field of ['summary', 'employerName'] as const) {
    const found = contactDetailIn(fields[field] ?? '');
    if (found) throw badField(field, `must not hold ${found}: consultations keep no names or contact details`);
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
  ) {}

  private scoped(caller: CurrentUser, manager: EntityManager = this.consultations.manager): SelectQueryBuilder<Consultation> {
    const qb = manager.getRepository(Consultation).createQueryBuilder('c');
    if (caller.role === 'regional') qb.where('c.regional_council_id = :scopeCouncilId', { scopeCouncilId: caller.regionalCouncilId });
    return qb;
  }

  async list(query: ListConsultationsQuery, caller: CurrentUser): Promise<Page<ConsultationDto>> {
    const qb = this.scoped(caller);
    if (query.regionalCouncilId) qb.andWhere('c.regional_council_id = :councilId', { councilId: query.regionalCouncilId });
    if (query.prospectId) qb.andWhere('c.prospect_id = :prospectId', { prospectId: query.prospectId });
    if (query.topic) qb.andWhere(':topic = ANY(c.topics)', { topic: query.topic });
    if (query.channel) qb.andWhere('c.channel = :channel', { channel: query.channel });
    if (query.from) qb.andWhere('c.received_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.received_on <= :to', { to: query.to });
    const [rows, total] = await qb
      .orderBy('c.receivedOn', 'DESC')
      .addOrderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return page(rows.map(toConsultationDto), total, query);
  }

  async get(id: string, caller: CurrentUser, manager?: EntityManager): Promise<ConsultationDto> {
    const found = await this.scoped(caller, manager).andWhere('c.id = :id', { id }).getOne();
    if (!found) throw notFound('Consultation');
    return toConsultationDto(found);
  }

  /** A retry with the same Idempotency-Key and body answers the first record and records nothing. */
  async create(dto: CreateConsultationDto, caller: CurrentUser, request: IdempotentRequest): Promise<ConsultationDto> {
    refuseContactDetails(dto);
    const councilId = dto.regionalCouncilId ?? (caller.role === 'regional' ? caller.regionalCouncilId : null);
    if (!councilId) throw badField('regionalCouncilId', 'is required');
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
      return this.get(inserted.identifiers[0].id as string, caller, manager);
    });
    return result.body;
  }

  async update(id: string, dto: UpdateConsultationDto, caller: CurrentUser): Promise<ConsultationDto> {
    for (const field of ['receivedOn', 'regionalCouncilId', 'channel', 'topics', 'summary'] as const) {
      if (dto[field] === null) throw badField(field, 'cannot be cleared');
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
      if (!(await versionedUpdate(manager, Consultation, id, version, patch))) throw notFound('Consultation');
    });
    return this.get(id, caller);
  }

  /** Staff write only their own council's; a linked prospect must lie in the same council. */
  private async checkLinks(manager: EntityManager, caller: CurrentUser, councilId: string, prospectId: string | null): Promise<void> {
    if (caller.role === 'regional' && councilId !== caller.regionalCouncilId) {
      throw forbidden('You record consultations of your own regional council only');
    }
    const council: unknown[] = await manager.query(`SELECT 1 FROM regional_councils WHERE id = $1`, [councilId]);
    if (council.length === 0) throw badField('regionalCouncilId', 'refers to a regional council that does not exist');
    if (!prospectId) return;
    const prospect: unknown[] = await manager.query(`SELECT 1 FROM prospects WHERE id = $1 AND regional_council_id = $2`, [prospectId, councilId]);
    if (prospect.length === 0) throw badField('prospectId', 'must be a prospect of the same regional council');
  }
}
