import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { FollowUpDto, FollowUpsQuery } from './dto/follow-up.dto';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('prospects')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  /** The caller's prospects whose next action is due today (Asia/Tokyo) or overdue, oldest first. */
  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get()
  @ApiOperation({ operationId: 'listFollowUps', summary: 'List prospects whose next action is due' })
  @ApiPage(FollowUpDto)
  list(@Query() query: FollowUpsQuery, @Caller() caller: CurrentUser): Promise<Page<FollowUpDto>> {
    return this.followUps.list(query, caller);
  }
}
