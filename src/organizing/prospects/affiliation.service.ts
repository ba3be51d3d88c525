import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AggregationDoorbell } from '../../membership/aggregation/aggregation.doorbell';
import { AuditLog } from '../../platform/audit/audit-log';
import { labelOf } from '../../platform/labels/labels';
import { UNION_KIND_LABELS, UNION_STATUS_LABELS } from '../../structure/labels';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, conflict, forbidden, staleVersion } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { query, sql } from '../../platform/database/sql';
import { OrganizingErrorCode } from '../error-codes';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { LedgerEntry, appendToLedger } from '../../membership/membership-changes/ledger-writer';
import { AffiliateProspectDto, AffiliatedUnionDto, AffiliationDto, BreakdownLineDto } from './dto/affiliate.dto';
import { auditScopeOf, canManage } from './prospect-access';
import { Prospect } from './prospect.entity';
import { ProspectsService } from './prospects.service';
import { applyStageChange, assertMoveAllowed } from './stage-change';

/** The breakdown's lines (without one: every member regular, gender unspecified); 400 unless they add up to members. */
export function breakdownLines(dto: AffiliateProspectDto): BreakdownLineDto[] {
  const lines = dto.employmentBreakdown ?? [{ employmentType: 'regular' as const, gender: 'unspecified' as const, members: dto.members }];
  const sum = lines.reduce((total, line) => total + line.members, 0);
  if (sum !== dto.members) throw badField('employmentBreakdown', OrganizingErrorCode.BREAKDOWN_MISMATCH, `adds up to ${sum}, not members (${dto.members})`);
  return lines;
}

const toEntries = (unionId: string, effectiveOn: string, lines: BreakdownLineDto[], note: string): LedgerEntry[] =>
  lines.map((line) => ({
    unionId,
    effectiveOn,
    delta: line.members,
    cause: 'new_organizing',
    employmentType: line.employmentType,
    gender: line.gender ?? 'unspecified',
    note,
  }));

/**
 * 加盟: a founded union joins. In ONE transaction: the union (in the prospect's council),
 * its new_organizing ledger entries, and the prospect's move to affiliated with its history
 * row. Any failure rolls back all of it. After the outbox (lock order shared with structure
 * moves), the prospect row is locked, so of two concurrent calls the second sees the union
 * and answers 409.
 */
@Injectable()
export class AffiliationService {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly doorbell: AggregationDoorbell,
    private readonly idempotent: IdempotentWriter,
    private readonly audit: AuditLog,
  ) {}

  async affiliate(id: string, dto: AffiliateProspectDto, caller: CurrentUser, request: IdempotentRequest): Promise<AffiliationDto> {
    const lines = breakdownLines(dto);
    const result = await this.idempotent.run(caller, request, dto, async (manager): Promise<AffiliationDto> => {
      // Lock order: the outbox first, as structure moves and rebuilds do. The union insert below
      // fires a statement trigger that updates aggregation_state, which a move's rollup writes
      // also touch after it has locked the outbox; ROW EXCLUSIVE waits for a running move or
      // rebuild instead of deadlocking with it, and lets other writers and batches through.
      await query(manager, sql`LOCK TABLE aggregation_outbox IN ROW EXCLUSIVE MODE`);
      const prospect = await this.prospects.findInScope(manager, id, caller, true);
      if (!canManage(caller, prospect)) throw forbidden('Only the staff of its regional council affiliate a prospect');
      if (prospect.unionId) throw conflict(OrganizingErrorCode.PROSPECT_ALREADY_AFFILIATED, 'This prospect has already been affiliated as a union');
      if (dto.version !== undefined && dto.version !== prospect.version) throw staleVersion();
      assertMoveAllowed(prospect, 'affiliated', 'affiliate', null);
      await this.requireFederation(manager, dto.federationId);
      const union = await this.insertUnion(manager, prospect, dto, caller);
      const entries = toEntries(union.id, dto.effectiveOn, lines, `加盟: ${prospect.employerName}`);
      const changeIds = await appendToLedger(manager, entries, 'affiliation', caller.id);
      const details = {
        union: { id: union.id, code: union.code, name: union.name, federationId: union.federationId, kind: union.kind },
        members: dto.members,
        effectiveOn: dto.effectiveOn,
      };
      await this.audit.recordChange(
        manager,
        caller,
        Prospect,
        id,
        () => ({ action: 'prospect.affiliated', scope: auditScopeOf(prospect), details }),
        () => applyStageChange(manager, prospect, 'affiliated', 'affiliate', `${union.name} として加盟 (${dto.members}名)`, caller, union.id),
      );
      return { prospect: await this.prospects.get(id, caller, manager), union, membershipChangeIds: changeIds };
    });
    if (!result.replayed) await this.doorbell.ring();
    return result.body;
  }

  private async requireFederation(manager: EntityManager, federationId: string | undefined): Promise<void> {
    if (!federationId) return;
    const found = await query<unknown[]>(manager, sql`SELECT 1 FROM federations WHERE id = ${federationId}`);
    if (found.length === 0) throw badField('federationId', PlatformErrorCode.UNKNOWN_REFERENCE, 'refers to a federation that does not exist');
  }

  private async insertUnion(manager: EntityManager, prospect: Prospect, dto: AffiliateProspectDto, caller: CurrentUser): Promise<AffiliatedUnionDto> {
    try {
      return await this.insertUnionRow(manager, prospect, dto, caller);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw conflict(PlatformErrorCode.DUPLICATE, 'unionCode is already in use', [{ field: 'unionCode', message: 'is already in use' }]);
      }
      throw error;
    }
  }

  private async insertUnionRow(manager: EntityManager, prospect: Prospect, dto: AffiliateProspectDto, caller: CurrentUser): Promise<AffiliatedUnionDto> {
    const [row] = await query<Omit<AffiliatedUnionDto, 'kindLabel' | 'statusLabel'>[]>(
      manager,
      sql`INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name, municipality, affiliated_on, kind, company_id, created_by, updated_by)
          VALUES (${dto.unionCode ?? null}, ${dto.unionName.trim()}, ${dto.federationId ?? null}, ${prospect.regionalCouncilId},
                  ${prospect.employerName}, ${prospect.municipality}, ${dto.effectiveOn}, ${dto.kind ?? 'enterprise'}, ${prospect.companyId ?? null}, ${caller.id}, ${caller.id})
          RETURNING id, code, name, federation_id AS "federationId", regional_council_id AS "regionalCouncilId",
                    employer_name AS "employerName", municipality, to_char(affiliated_on, 'YYYY-MM-DD') AS "affiliatedOn", kind, status`,
    );
    return { ...row, kindLabel: labelOf(UNION_KIND_LABELS, row.kind), statusLabel: labelOf(UNION_STATUS_LABELS, row.status) };
  }
}
