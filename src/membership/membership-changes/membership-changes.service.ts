import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import { conflict, notFound } from '../../platform/common/errors/domain-error';
import { MembershipErrorCode } from '../error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { BulkBody, CreateMembershipChangeDto } from './dto/create-membership-change.dto';
import { ListMembershipChangesQuery } from './dto/list-membership-changes.query';
import { BulkResultDto, CHANGE_COLUMNS, ChangeRow, MembershipChangeDto, toMembershipChangeDto } from './dto/membership-change.dto';
import { ReverseMembershipChangeDto } from './dto/reverse-membership-change.dto';
import { IdempotentRequest, IdempotentResult, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { LedgerEntry, appendToLedger } from './ledger-writer';
import { assertWritableUnions, writeScope } from './union-access';
import { bulkRecordedEvent, recordedEvent, reversedEvent } from './change-events';

const FROM_CHANGES = sql`membership_changes c JOIN unions u ON u.id = c.union_id`;
const WITH_REVERSAL = sql`LEFT JOIN membership_changes r ON r.reversal_of = c.id`;

/** The list's filters, each only when the query gives it. */
function filters(q: ListMembershipChangesQuery): Sql[] {
  const when = (value: unknown, condition: Sql): Sql[] => (value === undefined ? [] : [condition]);
  return [
    ...when(q.unionId, sql`c.union_id = ${q.unionId}::uuid`),
    ...when(q.federationId, sql`u.federation_id = ${q.federationId}::uuid`),
    ...when(q.regionalCouncilId, sql`u.regional_council_id = ${q.regionalCouncilId}::uuid`),
    ...when(q.cause, sql`c.cause = ${q.cause}`),
    ...when(q.causeKind, sql`cause_kind(c.cause) = ${q.causeKind}`),
    ...when(q.from, sql`c.effective_on >= ${q.from}::date`),
    ...when(q.to, sql`c.effective_on <= ${q.to}::date`),
    ...when(q.importId, sql`c.import_id = ${q.importId}::uuid`),
  ];
}

const toEntry = (dto: CreateMembershipChangeDto): LedgerEntry => ({
  unionId: dto.unionId,
  effectiveOn: dto.effectiveOn,
  delta: dto.delta,
  cause: dto.cause,
  employmentType: dto.employmentType,
  gender: dto.gender ?? 'unspecified',
  note: dto.note ?? null,
});

/**
 * The membership ledger over HTTP. Writes go through appendToLedger (ledger + outbox
 * rows in one transaction, with the idempotency key when given, and one audit event per
 * request: a replayed request runs no work, so writes no second event) and ring the
 * aggregation doorbell after commit; reads apply the caller's scope in SQL.
 */
@Injectable()
export class MembershipChangesService {
  constructor(
    private readonly db: DataSource,
    private readonly idempotent: IdempotentWriter,
    private readonly doorbell: AggregationDoorbell,
    private readonly audit: AuditLog,
  ) {}

  async create(dto: CreateMembershipChangeDto, caller: CurrentUser, request: IdempotentRequest): Promise<MembershipChangeDto> {
    return this.write(caller, request, dto, async (manager) => {
      const scope = await assertWritableUnions(manager, caller, [dto.unionId], () => 'unionId');
      const entry = toEntry(dto);
      const [id] = await appendToLedger(manager, [entry], 'api', caller.id);
      await this.audit.record(manager, caller, recordedEvent(id, entry, scope));
      return this.read(manager, id);
    });
  }

  /**
   * All or nothing: every item is checked (fields by BulkItemsPipe, unions here) before one
   * insert. How many run at once is limited before the body is read (BulkWriteTurns).
   */
  async bulk(dto: BulkBody, caller: CurrentUser, request: IdempotentRequest): Promise<BulkResultDto> {
    return this.write(caller, request, dto, async (manager) => {
      const scope = await assertWritableUnions(
        manager,
        caller,
        dto.items.map((item) => item.unionId),
        (i) => `items[${i}].unionId`,
      );
      const entries = dto.items.map(toEntry);
      const ids = await appendToLedger(manager, entries, 'bulk', caller.id);
      await this.audit.record(manager, caller, bulkRecordedEvent(entries, scope));
      return { count: ids.length, ids };
    });
  }

  /**
   * Writes the opposite entry (same union, day, cause, type and gender; delta negated)
   * linked to the original. A reversal cannot itself be reversed, an entry is reversed
   * at most once (also under concurrency: UNIQUE reversal_of), and a survey adjustment
   * is corrected by submitting the survey again.
   */
  async reverse(id: string, dto: ReverseMembershipChangeDto, caller: CurrentUser, request: IdempotentRequest): Promise<MembershipChangeDto> {
    try {
      return await this.write(caller, request, { id, ...dto }, async (manager) => {
        const [original] = await query<((ChangeRow & { federation_id: string | null; regional_council_id: string }) | undefined)[]>(
          manager,
          sql`SELECT ${CHANGE_COLUMNS}, u.federation_id, u.regional_council_id FROM ${FROM_CHANGES} ${WITH_REVERSAL}
              WHERE c.id = ${id} AND ${inScope.union(writeScope(caller), 'u')}`,
        );
        if (!original) throw notFound('Membership change');
        if (original.reversal_of) throw conflict(MembershipErrorCode.REVERSAL_NOT_REVERSIBLE, 'This entry is itself a reversal; record a new change instead');
        if (original.reversed_by) throw conflict(MembershipErrorCode.ALREADY_REVERSED, 'This entry has already been reversed');
        if (original.cause === 'survey_adjustment') {
          throw conflict(MembershipErrorCode.SURVEY_ADJUSTMENT_NOT_REVERSIBLE, 'A survey adjustment is corrected by submitting the survey again');
        }
        const reversing: LedgerEntry = {
          unionId: original.union_id,
          effectiveOn: original.effective_on,
          delta: -original.delta,
          cause: original.cause,
          employmentType: original.employment_type,
          gender: original.gender,
          note: dto.reason,
          reversalOf: original.id,
        };
        const [reversalId] = await appendToLedger(manager, [reversing], 'reversal', caller.id);
        const scope = { federationId: original.federation_id, regionalCouncilId: original.regional_council_id };
        await this.audit.record(manager, caller, reversedEvent(original.id, reversalId, reversing, dto.reason, scope));
        return this.read(manager, reversalId);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_membership_changes_reversal_of') {
        throw conflict(MembershipErrorCode.ALREADY_REVERSED, 'This entry has already been reversed');
      }
      throw error;
    }
  }

  async list(listQuery: ListMembershipChangesQuery, caller: CurrentUser): Promise<Page<MembershipChangeDto>> {
    const where = sql.and([inScope.union(scopeOf(caller), 'u'), ...filters(listQuery)]);
    const { rows, total } = await selectPage<ChangeRow>(
      this.db,
      { columns: CHANGE_COLUMNS, from: sql`${FROM_CHANGES} ${WITH_REVERSAL}`, countFrom: FROM_CHANGES, where, orderBy: sql`c.effective_on DESC, c.seq DESC` },
      listQuery,
    );
    return page(rows.map(toMembershipChangeDto), total, listQuery);
  }

  async get(id: string, caller: CurrentUser): Promise<MembershipChangeDto> {
    const [row] = await query<(ChangeRow | undefined)[]>(
      this.db,
      sql`SELECT ${CHANGE_COLUMNS} FROM ${FROM_CHANGES} ${WITH_REVERSAL} WHERE c.id = ${id} AND ${inScope.union(scopeOf(caller), 'u')}`,
    );
    if (!row) throw notFound('Membership change');
    return toMembershipChangeDto(row);
  }

  private async read(manager: EntityManager, id: string): Promise<MembershipChangeDto> {
    const [row] = await query<ChangeRow[]>(manager, sql`SELECT ${CHANGE_COLUMNS} FROM membership_changes c ${WITH_REVERSAL} WHERE c.id = ${id}`);
    return toMembershipChangeDto(row);
  }

  /** One idempotent transaction; the doorbell rings after it committed something new. */
  private async write<T>(caller: CurrentUser, request: IdempotentRequest, body: unknown, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result: IdempotentResult<T> = await this.idempotent.run(caller, request, body, work);
    if (!result.replayed) await this.doorbell.ring();
    return result.body;
  }
}
