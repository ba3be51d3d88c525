import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Clock } from '../../platform/time/clock';
import { Page, page } from '../../platform/common/http/pagination';
import { Sql, sql } from '../../platform/database/sql';
import { FollowUpDto, FollowUpsQuery } from './dto/follow-up.dto';
import { toProspectDto } from './dto/prospect.dto';
import { ProspectsService } from './prospects.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The day's work: open prospects whose next action is due today (Japan) or overdue, oldest
 * first. An organizer sees the prospects assigned to them (or, naming assignedOrganizerId, a
 * colleague's in the same council); council staff their council's; leadership and admins all.
 */
@Injectable()
export class FollowUpsService {
  constructor(
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
    const items = rows.map((p) => ({ ...toProspectDto(p), daysOverdue: daysBetween(p.nextActionOn as string, today) }));
    return page(items, total, query);
  }
}
