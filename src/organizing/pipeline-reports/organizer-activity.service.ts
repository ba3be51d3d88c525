import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Scope, inScope, scopeOf } from '../../platform/common/auth/scope';
import { Sql, query, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { VISIT_OUTCOME_LABELS } from '../labels';
import { ROLE_LABELS } from '../../platform/users/role-labels';
import { Stage, isAdvance } from '../prospects/stage-rules';
import { monthBounds } from '../../platform/time/tokyo-date';
import { VISIT_OUTCOMES, VisitKind, VisitOutcome } from '../visits/visit.entity';
import { councilsShown } from './councils-shown';
import { ActivityFigures, OrganizerActivity, OrganizerActivityQuery, OrganizerActivityReport } from './pipeline-report.dto';

interface VisitCount {
  userId: string;
  councilId: string;
  kind: VisitKind;
  outcome: VisitOutcome | null;
  n: number;
}
interface MoveCount {
  userId: string;
  councilId: string;
  fromStage: Stage;
  toStage: Stage;
  n: number;
}

/** Prospects in the caller's scope and the council filter. */
const scopedProspects = (scope: Scope, councilId: string | null): Sql =>
  sql`SELECT p.id, p.regional_council_id FROM prospects p
       WHERE ${sql.and([inScope.prospect(scope, 'p'), councilId ? sql`p.regional_council_id = ${councilId}` : sql`TRUE`])}`;

/** Visits to those prospects made in the month, per author, council, kind and outcome. */
const visitsSql = (prospects: Sql, first: string, last: string): Sql => sql`
  SELECT v.organizer_id AS "userId", s.regional_council_id AS "councilId", v.kind, v.outcome, count(*)::int AS n, max(v.updated_at) AS newest
    FROM visits v JOIN (${prospects}) s ON s.id = v.prospect_id
   WHERE v.occurred_on BETWEEN ${first} AND ${last}
   GROUP BY 1, 2, 3, 4`;

/** Stage moves of those prospects made in the month (Japan days), per mover, council and move. */
const movesSql = (prospects: Sql, first: string, last: string): Sql => sql`
  SELECT c.changed_by AS "userId", s.regional_council_id AS "councilId", c.from_stage AS "fromStage", c.to_stage AS "toStage",
         count(*)::int AS n, max(c.changed_at) AS newest
    FROM prospect_stage_changes c JOIN (${prospects}) s ON s.id = c.prospect_id
   WHERE c.kind IN ('moved', 'affiliated') AND c.changed_by IS NOT NULL
     AND c.changed_at >= ${first}::date::timestamp AT TIME ZONE 'Asia/Tokyo'
     AND c.changed_at < (${last}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'
   GROUP BY 1, 2, 3, 4`;

function figures(visits: VisitCount[], moves: MoveCount[]): ActivityFigures {
  const sum = <T extends { n: number }>(rows: T[], keep: (row: T) => boolean): number => rows.filter(keep).reduce((total, r) => total + r.n, 0);
  return {
    visits: sum(visits, () => true),
    visitsByOutcome: VISIT_OUTCOMES.map((outcome) => ({
      outcome,
      label: labelOf(VISIT_OUTCOME_LABELS, outcome),
      visits: sum(visits, (v) => v.outcome === outcome),
    })),
    visitsWithoutOutcome: sum(visits, (v) => v.outcome === null),
    consultations: sum(visits, (v) => v.kind === 'consultation' || v.outcome === 'consultation_taken'),
    stageAdvances: sum(moves, (m) => isAdvance(m.fromStage, m.toStage)),
    foundings: sum(moves, (m) => m.fromStage === 'committee' && m.toStage === 'founded'),
    affiliations: sum(moves, (m) => m.toStage === 'affiliated'),
  };
}

/**
 * GET /reports/organizer-activity: a month's work per organizer (activity they recorded:
 * visits they authored, stage moves they made) and per council (activity on its prospects),
 * for the monthly activity targets of councils and the organizing committee.
 */
@Injectable()
export class OrganizerActivityService {
  constructor(private readonly db: DataSource) {}

  async report(filter: OrganizerActivityQuery, caller: CurrentUser): Promise<OrganizerActivityReport> {
    const { first, last } = monthBounds(filter.month);
    const scope = scopeOf(caller);
    const councilId = filter.regionalCouncilId ?? null;
    const prospects = scopedProspects(scope, councilId);
    const visits = await query<(VisitCount & { newest: Date })[]>(this.db, visitsSql(prospects, first, last));
    const moves = await query<(MoveCount & { newest: Date })[]>(this.db, movesSql(prospects, first, last));
    const councils = await query<{ id: string; name: string; street: number }[]>(
      this.db,
      sql`SELECT rc.id, rc.name,
                 (SELECT count(*)::int FROM consultations k WHERE k.regional_council_id = rc.id AND k.received_on BETWEEN ${first} AND ${last}) AS street
            FROM regional_councils rc
           WHERE ${councilsShown(scope, councilId)} ORDER BY rc.code`,
    );
    const authors = [...new Set([...visits, ...moves].map((r) => r.userId))];
    const people = await query<{ id: string; name: string; role: string; councilId: string | null }[]>(
      this.db,
      sql`SELECT u.id, u.display_name AS name, u.role, u.regional_council_id AS "councilId"
            FROM users u LEFT JOIN regional_councils c ON c.id = u.regional_council_id
           WHERE u.id = ANY(${authors}::uuid[])
              OR (u.role = 'organizer' AND u.regional_council_id = ANY(${councils.map((c) => c.id)}::uuid[]))
           ORDER BY c.code NULLS LAST, u.display_name, u.id`,
    );
    const newest = [...visits, ...moves].map((r) => new Date(r.newest).getTime());
    const street = councils.reduce((total, c) => total + c.street, 0);
    return {
      asOf: newest.length ? new Date(Math.max(...newest)) : null,
      month: filter.month,
      regionalCouncilId: councilId,
      organizers: people.map((u): OrganizerActivity => ({
        organizerId: u.id,
        label: u.name,
        role: u.role,
        roleLabel: labelOf(ROLE_LABELS, u.role),
        regionalCouncilId: u.councilId,
        ...figures(
          visits.filter((v) => v.userId === u.id),
          moves.filter((m) => m.userId === u.id),
        ),
      })),
      councils: councils.map((c) => ({
        regionalCouncilId: c.id,
        label: c.name,
        ...figures(
          visits.filter((v) => v.councilId === c.id),
          moves.filter((m) => m.councilId === c.id),
        ),
        streetConsultations: c.street,
      })),
      total: { ...figures(visits, moves), streetConsultations: street },
    };
  }
}
