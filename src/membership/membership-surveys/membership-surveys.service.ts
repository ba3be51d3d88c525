import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import { AuditEventInput, AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import { Clock } from '../../platform/time/clock';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { appendToLedger } from '../membership-changes/ledger-writer';
import { UnionsScope, assertWritableUnions } from '../membership-changes/union-access';
import { ListMembershipSurveysQuery, MembershipSurveyDto, SubmitMembershipSurveyDto } from './dto/submit-membership-survey.dto';
import { PairCount, repeatedPair, sortCounts, surveyAdjustments, surveyContentHash } from './survey-adjustments';

interface SurveyRow {
  id: string;
  union_id: string;
  surveyed_on: string;
  counts: PairCount[];
  total_members: number;
  recorded_at: Date;
  recorded_by: string | null;
  adjustments: { id: string; employmentType: PairCount['employmentType']; gender: PairCount['gender']; delta: number }[];
}

const SURVEY_COLUMNS = sql`
  s.id, s.union_id, s.surveyed_on::text AS surveyed_on, s.counts, s.total_members, s.recorded_at, s.recorded_by,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'employmentType', c.employment_type, 'gender', c.gender, 'delta', c.delta)
                                   ORDER BY c.employment_type, c.gender)
                   FROM membership_changes c WHERE c.survey_id = s.id), '[]') AS adjustments`;
const SURVEYS = sql`membership_surveys s JOIN unions u ON u.id = s.union_id`;

/** What applying a survey did: `recorded` false when it was already the latest and the ledger agrees. */
interface Applied {
  survey: MembershipSurveyDto;
  recorded: boolean;
  scope: UnionsScope;
}

/** The survey's totals beside the ledger's before it, and the adjustments that closed the gap. */
const submittedEvent = ({ survey, scope }: Applied): AuditEventInput => ({
  action: 'membership_survey.submitted',
  targetId: survey.id,
  scope,
  details: {
    unionId: survey.unionId,
    surveyedOn: survey.surveyedOn,
    totalMembers: survey.totalMembers,
    ledgerMembersBefore: survey.ledgerMembersBefore,
    adjustments: survey.adjustments.length,
    adjustmentNet: survey.totalMembers - survey.ledgerMembersBefore,
    counts: survey.counts,
  },
});

const toDto = (row: SurveyRow): MembershipSurveyDto => ({
  id: row.id,
  unionId: row.union_id,
  surveyedOn: row.surveyed_on,
  counts: row.counts,
  totalMembers: row.total_members,
  ledgerMembersBefore: row.total_members - row.adjustments.reduce((sum, a) => sum + a.delta, 0),
  adjustments: row.adjustments,
  recordedAt: row.recorded_at.toISOString(),
  recordedBy: row.recorded_by,
});

/**
 * The annual member count survey: the ground truth on its day. The difference from
 * the ledger's balance on that day, per employment type and gender, is written as
 * survey_adjustment entries dated that day, so the ledger equals the survey there.
 */
@Injectable()
export class MembershipSurveysService {
  constructor(
    private readonly db: DataSource,
    private readonly idempotent: IdempotentWriter,
    private readonly doorbell: AggregationDoorbell,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The survey is compared with the ledger every time it is submitted. Re-submitting the
   * survey that is already the latest for this union and day (same non-zero counts)
   * answers the stored survey and writes nothing only while the ledger still agrees with
   * it; if the ledger has moved since (a backdated entry, an earlier survey's adjustments),
   * the re-submission is recorded as a new survey row with the adjustments that restore it.
   * A recorded survey is audited with its totals; one that wrote nothing is not.
   */
  async submit(dto: SubmitMembershipSurveyDto, caller: CurrentUser, request: IdempotentRequest): Promise<MembershipSurveyDto> {
    const repeated = repeatedPair(dto.counts);
    if (repeated >= 0) throw badField(`counts[${repeated}]`, PlatformErrorCode.REPEATED, 'repeats an employment type and gender listed before');
    if (dto.surveyedOn > this.clock.today()) throw badField('surveyedOn', PlatformErrorCode.IN_THE_FUTURE, 'must not be in the future');
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      const applied = await this.compare(manager, dto, caller, null);
      if (applied.recorded) await this.audit.record(manager, caller, submittedEvent(applied));
      return applied.survey;
    });
    if (!result.replayed) await this.doorbell.ring();
    return result.body;
  }

  /**
   * One union's survey inside the caller's transaction: compared with the ledger and its
   * differences written as survey adjustments. POST /membership-surveys and the survey
   * import (one call per union of the file, `importId` naming it; the import's commit is
   * audited as one event) both come here.
   */
  async apply(manager: EntityManager, dto: SubmitMembershipSurveyDto, caller: CurrentUser, importId: string | null = null): Promise<MembershipSurveyDto> {
    return (await this.compare(manager, dto, caller, importId)).survey;
  }

  private async compare(manager: EntityManager, dto: SubmitMembershipSurveyDto, caller: CurrentUser, importId: string | null): Promise<Applied> {
    // Lock order: the outbox first, as structure moves and rebuilds do (they then update the
    // union row). ROW EXCLUSIVE lets other ledger writers and aggregation batches through but
    // waits for a move or rebuild to finish, so the union lock below never closes a cycle.
    await query(manager, sql`LOCK TABLE aggregation_outbox IN ROW EXCLUSIVE MODE`);
    const scope = await assertWritableUnions(manager, caller, [dto.unionId], () => 'unionId');
    // FOR UPDATE conflicts with the FOR KEY SHARE lock that every ledger insert's foreign key
    // check takes on its union: ledger writes for this union wait, and so does a second survey
    await query(manager, sql`SELECT 1 FROM unions WHERE id = ${dto.unionId} FOR UPDATE`);
    const hash = surveyContentHash(dto.unionId, dto.surveyedOn, dto.counts);
    const [latest] = await query<({ id: string; content_hash: string } | undefined)[]>(
      manager,
      sql`SELECT id, content_hash FROM membership_surveys
          WHERE union_id = ${dto.unionId} AND surveyed_on = ${dto.surveyedOn} ORDER BY recorded_at DESC LIMIT 1`,
    );
    const counts = sortCounts(dto.counts);
    const adjustments = surveyAdjustments(counts, await this.balances(manager, dto));
    if (latest?.content_hash === hash && adjustments.length === 0) return { survey: await this.read(manager, latest.id), recorded: false, scope };
    return { survey: await this.record(manager, dto, counts, adjustments, hash, caller, importId), recorded: true, scope };
  }

  async list(listQuery: ListMembershipSurveysQuery, caller: CurrentUser): Promise<Page<MembershipSurveyDto>> {
    const scope = inScope.union(scopeOf(caller), 'u');
    const where = listQuery.unionId ? sql`${scope} AND s.union_id = ${listQuery.unionId}::uuid` : scope;
    const { rows, total } = await selectPage<SurveyRow>(
      this.db,
      { columns: SURVEY_COLUMNS, from: SURVEYS, where, orderBy: sql`s.surveyed_on DESC, s.recorded_at DESC, s.id` },
      listQuery,
    );
    return page(rows.map(toDto), total, listQuery);
  }

  async get(id: string, caller: CurrentUser): Promise<MembershipSurveyDto> {
    const [row] = await query<(SurveyRow | undefined)[]>(
      this.db,
      sql`SELECT ${SURVEY_COLUMNS} FROM ${SURVEYS} WHERE s.id = ${id} AND ${inScope.union(scopeOf(caller), 'u')}`,
    );
    if (!row) throw notFound('Membership survey');
    return toDto(row);
  }

  /** The ledger's balance per employment type and gender on the survey day. */
  private async balances(manager: EntityManager, dto: SubmitMembershipSurveyDto): Promise<PairCount[]> {
    return query<PairCount[]>(
      manager,
      sql`SELECT employment_type AS "employmentType", gender, sum(delta)::int AS members
          FROM membership_changes WHERE union_id = ${dto.unionId} AND effective_on <= ${dto.surveyedOn}::date GROUP BY 1, 2`,
    );
  }

  /** A survey row for this submission and its adjustments linked to it (the ledger's CHECK wants every adjustment tied to a survey). */
  private async record(
    manager: EntityManager,
    dto: SubmitMembershipSurveyDto,
    counts: PairCount[],
    adjustments: PairCount[],
    hash: string,
    caller: CurrentUser,
    importId: string | null,
  ): Promise<MembershipSurveyDto> {
    const totalMembers = counts.reduce((sum, c) => sum + c.members, 0);
    const [{ id }] = await query<{ id: string }[]>(
      manager,
      sql`INSERT INTO membership_surveys (union_id, surveyed_on, counts, total_members, content_hash, recorded_at, recorded_by)
          VALUES (${dto.unionId}, ${dto.surveyedOn}, ${JSON.stringify(counts)}, ${totalMembers}, ${hash}, clock_timestamp(), ${caller.id})
          RETURNING id`,
    );
    const entries = adjustments.map((a) => ({
      unionId: dto.unionId,
      effectiveOn: dto.surveyedOn,
      delta: a.members,
      cause: 'survey_adjustment' as const,
      employmentType: a.employmentType,
      gender: a.gender,
      note: `組合員数調査 ${dto.surveyedOn}`,
      surveyId: id,
      importId,
    }));
    await appendToLedger(manager, entries, 'survey', caller.id);
    return this.read(manager, id);
  }

  private async read(manager: EntityManager, id: string): Promise<MembershipSurveyDto> {
    const [row] = await query<SurveyRow[]>(manager, sql`SELECT ${SURVEY_COLUMNS} FROM ${SURVEYS} WHERE s.id = ${id}`);
    return toDto(row);
  }
}
