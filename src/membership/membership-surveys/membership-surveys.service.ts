import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/time/clock';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { appendToLedger } from '../membership-changes/ledger-writer';
import { assertWritableUnions } from '../membership-changes/union-access';
import { scopeSql } from '../../platform/common/auth/scope';
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

const SURVEY_SELECT = `
  SELECT s.id, s.union_id, s.surveyed_on::text AS surveyed_on, s.counts, s.total_members, s.recorded_at, s.recorded_by,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'employmentType', c.employment_type, 'gender', c.gender, 'delta', c.delta)
                                   ORDER BY c.employment_type, c.gender)
                   FROM membership_changes c WHERE c.survey_id = s.id), '[]') AS adjustments
  FROM membership_surveys s JOIN unions u ON u.id = s.union_id`;

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
  ) {}

  /**
   * The survey is compared with the ledger every time it is submitted. Re-submitting the
   * survey that is already the latest for this union and day (same non-zero counts)
   * answers the stored survey and writes nothing only while the ledger still agrees with
   * it; if the ledger has moved since (a backdated entry, an earlier survey's adjustments),
   * the re-submission is recorded as a new survey row with the adjustments that restore it.
   */
  async submit(dto: SubmitMembershipSurveyDto, caller: CurrentUser, request: IdempotentRequest): Promise<MembershipSurveyDto> {
    const repeated = repeatedPair(dto.counts);
    if (repeated >= 0) throw badField(`counts[${repeated}]`, 'repeats an employment type and gender listed before');
    if (dto.surveyedOn > this.clock.today()) throw badField('surveyedOn', 'must not be in the future');
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      // Lock order: the outbox first, as structure moves and rebuilds do (they then update the
      // union row). ROW EXCLUSIVE lets other ledger writers and aggregation batches through but
      // waits for a move or rebuild to finish, so the union lock below never closes a cycle.
      await manager.query(`LOCK TABLE aggregation_outbox IN ROW EXCLUSIVE MODE`);
      await assertWritableUnions(manager, caller, [dto.unionId], () => 'unionId');
      // FOR UPDATE conflicts with the FOR KEY SHARE lock that every ledger insert's foreign key
      // check takes on its union: ledger writes for this union wait, and so does a second survey
      await manager.query(`SELECT 1 FROM unions WHERE id = $1 FOR UPDATE`, [dto.unionId]);
      const hash = surveyContentHash(dto.unionId, dto.surveyedOn, dto.counts);
      const [latest] = await manager.query(
        `SELECT id, content_hash FROM membership_surveys WHERE union_id = $1 AND surveyed_on = $2 ORDER BY recorded_at DESC LIMIT 1`,
        [dto.unionId, dto.surveyedOn],
      );
      const counts = sortCounts(dto.counts);
      const adjustments = surveyAdjustments(counts, await this.balances(manager, dto));
      if (latest?.content_hash === hash && adjustments.length === 0) return this.read(manager, latest.id as string);
      return this.record(manager, dto, counts, adjustments, hash, caller);
    });
    if (!result.replayed) await this.doorbell.ring();
    return result.body;
  }

  async list(query: ListMembershipSurveysQuery, caller: CurrentUser): Promise<Page<MembershipSurveyDto>> {
    const params: unknown[] = [];
    const where = [scopeSql(scopeOf(caller), 'u', params)];
    if (query.unionId) {
      params.push(query.unionId);
      where.push(`s.union_id = $${params.length}::uuid`);
    }
    const condition = where.join(' AND ');
    const [[{ total }], rows] = await Promise.all([
      this.db.query(`SELECT count(*)::int AS total FROM membership_surveys s JOIN unions u ON u.id = s.union_id WHERE ${condition}`, params),
      this.db.query(`${SURVEY_SELECT} WHERE ${condition} ORDER BY s.surveyed_on DESC, s.recorded_at DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        query.limit,
        query.offset,
      ]),
    ]);
    return page((rows as SurveyRow[]).map(toDto), total, query);
  }

  async get(id: string, caller: CurrentUser): Promise<MembershipSurveyDto> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(`${SURVEY_SELECT} WHERE s.id = $1 AND ${scopeSql(scopeOf(caller), 'u', params)}`, params);
    if (!row) throw notFound('Membership survey');
    return toDto(row as SurveyRow);
  }

  /** The ledger's balance per employment type and gender on the survey day. */
  private async balances(manager: EntityManager, dto: SubmitMembershipSurveyDto): Promise<PairCount[]> {
    return manager.query(
      `SELECT employment_type AS "employmentType", gender, sum(delta)::int AS members
       FROM membership_changes WHERE union_id = $1 AND effective_on <= $2::date GROUP BY 1, 2`,
      [dto.unionId, dto.surveyedOn],
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
  ): Promise<MembershipSurveyDto> {
    const [{ id }] = await manager.query(
      `INSERT INTO membership_surveys (union_id, surveyed_on, counts, total_members, content_hash, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp(), $6) RETURNING id`,
      [dto.unionId, dto.surveyedOn, JSON.stringify(counts), counts.reduce((sum, c) => sum + c.members, 0), hash, caller.id],
    );
    const entries = adjustments.map((a) => ({
      unionId: dto.unionId,
      effectiveOn: dto.surveyedOn,
      delta: a.members,
      cause: 'survey_adjustment' as const,
      employmentType: a.employmentType,
      gender: a.gender,
      note: `組合員数調査 ${dto.surveyedOn}`,
      surveyId: id as string,
    }));
    await appendToLedger(manager, entries, 'survey', caller.id);
    return this.read(manager, id as string);
  }

  private async read(manager: EntityManager, id: string): Promise<MembershipSurveyDto> {
    const [row] = await manager.query(`${SURVEY_SELECT} WHERE s.id = $1`, [id]);
    return toDto(row as SurveyRow);
  }
}
