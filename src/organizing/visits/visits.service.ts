import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/time/clock';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { auditScopeOf } from '../prospects/prospect-access';
import { ProspectsService } from '../prospects/prospects.service';
import { CreateVisitDto, ListVisitsQuery, UpdateVisitDto, VisitDto, VisitRow, toVisitDto } from './dto/visit.dto';
import { Visit } from './visit.entity';

const VISIT_COLUMNS = sql`v.id, v.prospect_id AS "prospectId", p.employer_name AS "employerName", v.organizer_id AS "organizerId",
  u.display_name AS "organizerName", to_char(v.occurred_on, 'YYYY-MM-DD') AS "occurredOn", v.kind, v.outcome,
  v.contacts_reached AS "contactsReached", v.support_level AS "supportLevel", v.summary,
  to_char(v.next_action_on, 'YYYY-MM-DD') AS "nextActionOn", v.version, v.created_at AS "createdAt",
  v.updated_at AS "updatedAt", v.created_by AS "createdBy", v.updated_by AS "updatedBy"`;

/** Visits with their prospect (whose council decides the scope) and their author. */
const VISITS_SHOWN = sql`visits v JOIN prospects p ON p.id = v.prospect_id JOIN users u ON u.id = v.organizer_id`;

/** A visit's days must make sense: not in the future, and the next action not before it. */
function checkDays(today: string, occurredOn: string, nextActionOn: string | null | undefined): void {
  if (occurredOn > today) throw badField('occurredOn', PlatformErrorCode.IN_THE_FUTURE, 'is in the future');
  if (nextActionOn && nextActionOn < occurredOn) throw badField('nextActionOn', PlatformErrorCode.DATES_OUT_OF_ORDER, 'is before occurredOn');
}

/**
 * Visits, calls and meetings at prospect workplaces. Anyone who may work the prospect logs
 * them (its council's organizers and staff, admins); the caller is the author and only the
 * author edits. A visit's nextActionOn becomes the prospect's next action.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly db: DataSource,
    private readonly prospects: ProspectsService,
    private readonly idempotent: IdempotentWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** A retry with the same Idempotency-Key and body answers the first visit and logs nothing. */
  async create(prospectId: string, dto: CreateVisitDto, caller: CurrentUser, request: IdempotentRequest): Promise<VisitDto> {
    checkDays(this.clock.today(), dto.occurredOn, dto.nextActionOn);
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      const prospect = await this.prospects.findInScope(manager, prospectId, caller);
      const inserted = await manager.getRepository(Visit).insert({
        prospectId,
        organizerId: caller.id,
        occurredOn: dto.occurredOn,
        kind: dto.kind,
        outcome: dto.outcome ?? null,
        contactsReached: dto.contactsReached ?? null,
        supportLevel: dto.supportLevel ?? null,
        summary: dto.summary.trim(),
        nextActionOn: dto.nextActionOn ?? null,
        createdBy: caller.id,
        updatedBy: caller.id,
      });
      const visitId = inserted.identifiers[0].id as string;
      await this.audit.recordCreated(manager, caller, Visit, visitId, () => ({
        action: 'visit.created',
        scope: auditScopeOf(prospect),
        details: { prospectId },
      }));
      if (dto.nextActionOn) await this.setNextAction(manager, prospectId, dto.nextActionOn, caller);
      return this.get(visitId, caller, manager);
    });
    return result.body;
  }

  async get(id: string, caller: CurrentUser, manager: EntityManager = this.db.manager): Promise<VisitDto> {
    const [row] = await query<VisitRow[]>(
      manager,
      sql`SELECT ${VISIT_COLUMNS} FROM ${VISITS_SHOWN} WHERE ${sql.and([sql`v.id = ${id}`, inScope.prospect(scopeOf(caller), 'p')])}`,
    );
    if (!row) throw notFound('Visit');
    return toVisitDto(row);
  }

  async list(filter: ListVisitsQuery, caller: CurrentUser): Promise<Page<VisitDto>> {
    return this.read(filter, caller);
  }

  async listForProspect(prospectId: string, filter: ListVisitsQuery, caller: CurrentUser): Promise<Page<VisitDto>> {
    await this.prospects.findInScope(this.db.manager, prospectId, caller);
    return this.read({ ...filter, prospectId }, caller);
  }

  /**
   * The visit and its prospect are locked, then read in the same transaction: whether the
   * caller is the author and has the prospect in scope, and whether the days make sense, is
   * decided from the rows as the update finds them, never from a read a concurrent change
   * (another author, the prospect moved to another council) may have outdated.
   */
  async update(id: string, dto: UpdateVisitDto, caller: CurrentUser, request: IdempotentRequest): Promise<VisitDto> {
    for (const field of ['occurredOn', 'kind', 'summary'] as const)
      if (dto[field] === null) throw badField(field, PlatformErrorCode.CANNOT_BE_CLEARED, 'cannot be cleared');
    const result = await this.idempotent.run(
      caller,
      request,
      dto,
      async (manager) => {
        const [placement] = await query<{ regionalCouncilId: string; targetFederationId: string | null }[]>(
          manager,
          sql`SELECT p.regional_council_id AS "regionalCouncilId", p.target_federation_id AS "targetFederationId"
                FROM visits v JOIN prospects p ON p.id = v.prospect_id WHERE v.id = ${id} FOR NO KEY UPDATE`,
        );
        const current = await this.get(id, caller, manager);
        if (current.organizerId !== caller.id) throw forbidden('Only the author of a visit edits it');
        checkDays(this.clock.today(), dto.occurredOn ?? current.occurredOn, dto.nextActionOn === undefined ? current.nextActionOn : dto.nextActionOn);
        const { version, ...fields } = dto;
        const patch: Record<string, unknown> = { ...fields, updatedBy: caller.id };
        if (fields.summary !== undefined) patch.summary = fields.summary.trim();
        for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
        const event = { action: 'visit.updated', scope: auditScopeOf(placement), details: { prospectId: current.prospectId } } as const;
        if (
          !(await this.audit.recordChange(
            manager,
            caller,
            Visit,
            id,
            () => event,
            () => versionedUpdate(manager, Visit, id, version, patch),
          ))
        ) {
          throw notFound('Visit');
        }
        if (dto.nextActionOn) await this.setNextAction(manager, current.prospectId, dto.nextActionOn, caller);
        return this.get(id, caller, manager);
      },
      200,
    );
    return result.body;
  }

  /** The prospect's next action follows the newest plan; a change like any other (version + 1). */
  private async setNextAction(manager: EntityManager, prospectId: string, nextActionOn: string, caller: CurrentUser): Promise<void> {
    await query(
      manager,
      sql`UPDATE prospects SET next_action_on = ${nextActionOn}, version = version + 1, updated_at = now(), updated_by = ${caller.id}
           WHERE id = ${prospectId} AND next_action_on IS DISTINCT FROM ${nextActionOn}::date`,
    );
  }

  /** The visits of prospects in the caller's scope that meet the filters, newest first. */
  private async read(filter: ListVisitsQuery, caller: CurrentUser): Promise<Page<VisitDto>> {
    const conditions: Sql[] = [inScope.prospect(scopeOf(caller), 'p')];
    if (filter.prospectId) conditions.push(sql`v.prospect_id = ${filter.prospectId}`);
    if (filter.organizerId) conditions.push(sql`v.organizer_id = ${filter.organizerId}`);
    if (filter.from) conditions.push(sql`v.occurred_on >= ${filter.from}`);
    if (filter.to) conditions.push(sql`v.occurred_on <= ${filter.to}`);
    const { rows, total } = await selectPage<VisitRow>(
      this.db,
      { columns: VISIT_COLUMNS, from: VISITS_SHOWN, where: sql.and(conditions), orderBy: sql`v.occurred_on DESC, v.created_at DESC, v.id` },
      filter,
    );
    return page(rows.map(toVisitDto), total, filter);
  }
}
