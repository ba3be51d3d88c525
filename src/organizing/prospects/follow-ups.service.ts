import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Clock } from '../../platform/time/clock';
import { Page, page } from '../../platform/common/http/pagination';
import { Sql, query, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { SUPPORT_LEVEL_LABELS, VISIT_KIND_LABELS, VISIT_OUTCOME_LABELS } from '../labels';
import { FollowUpDto, FollowUpsQuery, LastVisitDto } from './dto/follow-up.dto';
import { toProspectDto } from './dto/prospect.dto';
import { ProspectsService } from './prospects.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

interface LastVisitRow {
  prospectId: string;
  occurredOn: string;
  kind: string;
  outcome: string | null;
  supportLevel: number | null;
}

const toLastVisit = (v: LastVisitRow): LastVisitDto => ({
  occurredOn: v.occurredOn,
  kindLabel: labelOf(VISIT_KIND_LABELS, v.kind),
  outcome: v.outcome,
  outcomeLabel: v.outcome ? labelOf(VISIT_OUTCOME_LABELS, v.outcome) : null,
  supportLevel: v.supportLevel,
  supportLevelLabel: v.supportLevel ? labelOf(SUPPORT_LEVEL_LABELS, String(v.supportLevel)) : null,
});

/**
 * The day's work: open prospects whose next action is due today (Japan) or overdue, oldest
 * first, each with what its latest visit found. An organizer sees the prospects assigned to
 * them (or, naming assignedOrganizerId, a colleague's in the same council); council staff
 * their council's; leadership and admins all.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly db: DataSource,
    private readonly prospects: ProspectsService,
    private readonly clock: Clock,
  ) {}

  async list(query: FollowUpsQuery, caller: CurrentUser): Promise<Page<FollowUpDto>> {
    const today = this.clock.today();
    const conditions: Sql[] = [sql`p.next_action_on <= ${today}`, sql`p.stage NOT IN ('affiliated', 'lost')`];
    const organizerId = query.assignedOrganizerId ?? (caller.role === 'organizer' ? caller.id : undefined);
    if (organizerId) conditions.push(sql`p.assigned_organizer_ids @> ARRAY[${organizerId}]::uuid[]`);
    if (query.regionalCouncilId) conditions.push(sql`p.regional_council_id = ${query.regionalCouncilId}`);
    const order = sql`p.next_action_on ASC, p.employer_name_kana ASC NULLS LAST, p.id ASC`;
    const { rows, total } = await this.prospects.listInScope(caller, conditions, order, query);
    const lastVisits = await this.lastVisits(rows.map((p) => p.id));
    const items = rows.map((p) => ({
      ...toProspectDto(p),
      daysOverdue: daysBetween(p.nextActionOn as string, today),
      lastVisit: lastVisits.get(p.id) ?? null,
    }));
    return page(items, total, query);
  }

  /** The latest visit of each of these prospects (the prospects are already in the caller's scope). */
  private async lastVisits(prospectIds: string[]): Promise<Map<string, LastVisitDto>> {
    if (prospectIds.length === 0) return new Map();
    const rows = await query<LastVisitRow[]>(
      this.db,
      sql`SELECT DISTINCT ON (v.prospect_id) v.prospect_id AS "prospectId", to_char(v.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
                 v.kind, v.outcome, v.support_level AS "supportLevel"
            FROM visits v WHERE v.prospect_id = ANY(${prospectIds}::uuid[])
           ORDER BY v.prospect_id, v.occurred_on DESC, v.created_at DESC, v.id DESC`,
    );
    return new Map(rows.map((v) => [v.prospectId, toLastVisit(v)]));
  }
}
