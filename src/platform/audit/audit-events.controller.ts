import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/auth.decorators';
import { AuditEvents } from './audit-events.service';
import { AuditEventPageDto, ListAuditEventsQuery } from './dto/audit-event.dto';

/** 監査ログ: every audited event, for admins; `?format=csv|xlsx` exports it (and that is audited too). */
@ApiTags('audit')
@Authenticated('admin')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEvents) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'List audit events, newest first (cursor paging)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.events.list(query);
  }
}
