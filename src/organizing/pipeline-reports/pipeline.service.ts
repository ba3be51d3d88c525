import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Scope, inScope, scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/time/clock';
import { badField } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Sql, query, sql } from '../../platform/database/sql';
import { PROGRESS_STAGES } from '../prospects/stage-rules';
import { councilsShown } from './councils-shown';
import { PipelineProspect, PipelineStay, expectationModel, groupFigures } from './pipeline-figures';
import { OrganizerPipeline, PipelineReport, PipelineReportQuery } from './pipeline-report.dto';

type Row = PipelineProspect & { councilId: string; organizerIds: string[] };

/**
 * The prospects of the cohort (first recorded between from and to, Japan days) as they stood
 * at the end of `to`, read from the stage history: the stage of the newest change by then, the
 * furthest stage reached, and every stay in a stage that had ended by then (calendar days).
 * An affiliated prospect's members are the new_organizing figures of its union in the month
 * it affiliated (unions.affiliated_on, the affiliation entries' date; else the day of the
 * stage change), read from the rollups like every report: later organizing in that union
 * is growth of a member union, not what the affiliation brought.
 */
function pipelineSql(scope: Scope, councilId: string | null, from: string | null, to: string): Sql {
  const endOfTo = sql`(${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`;
  const cohort = sql.and([
    inScope.prospect(scope, 'p'),
    councilId ? sql`p.regional_council_id = ${councilId}` : sql`TRUE`,
    from ? sql`c0.changed_at >= ${from}::date::timestamp AT TIME ZONE 'Asia/Tokyo'` : sql`TRUE`,
    sql`c0.changed_at < ${endOfTo}`,
  ]);
  return sql`
  WITH pop AS (
    SELECT p.id, p.regional_council_id, p.assigned_organizer_ids, p.estimated_workers, p.union_id
      FROM prospects p
      JOIN prospect_stage_changes c0 ON c0.prospect_id = p.id AND c0.kind = 'created'
     WHERE ${cohort}
  ), hist AS (
    SELECT c.prospect_id, c.from_stage, c.to_stage, c.changed_at,
           array_position(${PROGRESS_STAGES}::text[], c.to_stage) - 1 AS path_index,
           lead(c.changed_at) OVER (PARTITION BY c.prospect_id ORDER BY c.changed_at, c.seq) AS left_at,
           row_number() OVER (PARTITION BY c.prospect_id ORDER BY c.changed_at DESC, c.seq DESC) AS newest
      FROM prospect_stage_changes c JOIN pop ON pop.id = c.prospect_id
     WHERE c.changed_at < ${endOfTo}
  ), standing AS (
    SELECT pop.id, pop.regional_council_id AS "councilId", pop.assigned_organizer_ids AS "organizerIds",
           pop.estimated_workers AS "estimatedWorkers", h.to_stage AS stage,
           CASE WHEN h.to_stage = 'on_hold' THEN h.from_stage END AS "heldFromStage",
           coalesce((SELECT max(x.path_index) FROM hist x WHERE x.prospect_id = pop.id), -1) AS "reachedIndex", pop.union_id,
           (SELECT (min(x.changed_at) AT TIME ZONE 'Asia/Tokyo')::date FROM hist x
             WHERE x.prospect_id = pop.id AND x.to_stage = 'affiliated') AS affiliated_day
      FROM pop JOIN hist h ON h.prospect_id = pop.id AND h.newest = 1
  )
  SELECT
    (SELECT coalesce(json_agg(s ORDER BY s.id), '[]') FROM (
       SELECT st.id, st."councilId", st."organizerIds", st."estimatedWorkers", st.stage, st."heldFromStage", st."reachedIndex",
              CASE WHEN st."reachedIndex" = ${PROGRESS_STAGES.length - 1}::int
                   THEN (SELECT coalesce(sum(r.members), 0)::int
                           FROM unions u JOIN union_month_rollups r ON r.union_id = u.id
                          WHERE u.id = st.union_id AND r.cause = 'new_organizing'
                            AND r.month = date_trunc('month', coalesce(u.affiliated_on, st.affiliated_day))::date)
                   ELSE 0 END AS "affiliatedMembers"
         FROM standing st) s) AS prospects,
    (SELECT coalesce(json_agg(json_build_object('prospectId', h.prospect_id, 'stage', h.to_stage,
              'days', (h.left_at AT TIME ZONE 'Asia/Tokyo')::date - (h.changed_at AT TIME ZONE 'Asia/Tokyo')::date)), '[]')
       FROM hist h WHERE h.left_at IS NOT NULL) AS stays,
    (SELECT max(changed_at) FROM hist) AS "asOf"`;
}

/** GET /reports/pipeline: where workplaces stand, how they convert, how long they stay, what they may bring. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(filter: PipelineReportQuery, caller: CurrentUser): Promise<PipelineReport> {
    const to = filter.to ?? this.clock.today();
    if (filter.from && filter.from > to) throw badField('from', PlatformErrorCode.DATES_OUT_OF_ORDER, 'is after to');
    const scope = scopeOf(caller);
    const councilId = filter.regionalCouncilId ?? null;
    const [result] = await query<{ prospects: Row[]; stays: PipelineStay[]; asOf: Date | null }[]>(
      this.db,
      pipelineSql(scope, councilId, filter.from ?? null, to),
    );
    const { prospects, stays } = result;
    const model = expectationModel(prospects);
    const figures = (group: Row[]) => groupFigures(group, stays, model);

    const councils = await query<{ id: string; name: string }[]>(
      this.db,
      sql`SELECT rc.id, rc.name FROM regional_councils rc WHERE ${councilsShown(scope, councilId)} ORDER BY rc.code`,
    );
    return {
      asOf: result.asOf,
      from: filter.from ?? null,
      to,
      regionalCouncilId: councilId,
      model,
      total: figures(prospects),
      byCouncil: councils.map((c) => ({ regionalCouncilId: c.id, label: c.name, figures: figures(prospects.filter((p) => p.councilId === c.id)) })),
      byOrganizer: await this.byOrganizer(
        prospects,
        councils.map((c) => c.id),
        figures,
      ),
    };
  }

  /** Every organizer of the councils shown (zeros too) and anyone assigned; then the unassigned. */
  private async byOrganizer(prospects: Row[], councilIds: string[], figures: (group: Row[]) => PipelineReport['total']): Promise<OrganizerPipeline[]> {
    const assigned = [...new Set(prospects.flatMap((p) => p.organizerIds))];
    const people = await query<{ id: string; name: string; councilId: string | null }[]>(
      this.db,
      sql`SELECT u.id, u.display_name AS name, u.regional_council_id AS "councilId"
            FROM users u LEFT JOIN regional_councils c ON c.id = u.regional_council_id
           WHERE u.id = ANY(${assigned}::uuid[]) OR (u.role = 'organizer' AND u.regional_council_id = ANY(${councilIds}::uuid[]))
           ORDER BY c.code NULLS LAST, u.display_name, u.id`,
    );
    const groups: OrganizerPipeline[] = people.map((u) => ({
      organizerId: u.id,
      label: u.name,
      regionalCouncilId: u.councilId,
      figures: figures(prospects.filter((p) => p.organizerIds.includes(u.id))),
    }));
    const unassigned = prospects.filter((p) => p.organizerIds.length === 0);
    if (unassigned.length) groups.push({ organizerId: null, label: '未担当', regionalCouncilId: null, figures: figures(unassigned) });
    return groups;
  }
}
