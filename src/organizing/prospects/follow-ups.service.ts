import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Clock } from '../../platform/time/clock';
import { Page, page } from '../../platform/common/http/pagination';
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
    const qb = this.prospects
      .scopedQuery(caller)
      .andWhere('p.next_action_on <= :today', { today })
      .andWhere(`p.stage NOT IN ('affiliated', 'lost')`);
    const organizerId = query.assignedOrganizerId ?? (caller.role === 'organizer' ? caller.id : undefined);
    if (organizerId) qb.andWhere('p.assigned_organizer_ids @> ARRAY[:organizerId]::uuid[]', { organizerId });
    if (query.regionalCouncilId) qb.andWhere('p.regional_council_id = :councilId', { councilId: query.regionalCouncilId });
    const [rows, total] = await qb
      .orderBy('p.nextActionOn', 'ASC')
      .addOrderBy('p.employerNameKana', 'ASC', 'NULLS LAST')
      .addOrderBy('p.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = rows.map((p) => ({ ...toProspectDto(p), daysOverdue: daysBetween(p.nextActionOn as string, today) }));
    return page(items, total, query);
  }
}
