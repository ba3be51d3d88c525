import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../platform/common/http/pagination';
import { ProspectDto } from './prospect.dto';

export class FollowUpsQuery extends PageQuery {
  /** One organizer's list (organizers: their own unless a colleague is named). */
  @IsOptional()
  @IsUUID()
  assignedOrganizerId?: string;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;
}

/** What the latest visit at the workplace found, so the day's list says where things stand. */
export class LastVisitDto {
  occurredOn!: string;
  kindLabel!: string;
  outcome!: string | null;
  outcomeLabel!: string | null;
  supportLevel!: number | null;
  supportLevelLabel!: string | null;
}

export class FollowUpDto extends ProspectDto {
  /** Days since the next action fell due (0: due today). */
  daysOverdue!: number;
  /** The latest visit by anyone (latest day, then latest recorded); null before the first. */
  lastVisit!: LastVisitDto | null;
}
