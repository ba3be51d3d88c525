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

export class FollowUpDto extends ProspectDto {
  /** Days since the next action fell due (0: due today). */
  daysOverdue!: number;
}
