import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { GenderParticipationReportDto } from './dto/report-answers.dto';
import { GenderParticipationReport, GenderParticipationService } from './gender-participation.service';
import { GenderParticipationQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class GenderParticipationController {
  constructor(private readonly reports: GenderParticipationService) {}

  /** Women in decision bodies against the members' female share, and the gender equality plan's targets (federation and regional users: their own). */
  @Authenticated('admin', 'leadership', 'federation', 'regional')
  @Get('gender-participation')
  @ApiOperation({ operationId: 'getGenderParticipationReport', summary: 'Women in decision bodies against the members’ female share (ジェンダー平等)' })
  @ApiOkResponse({ type: GenderParticipationReportDto })
  report(@Query() query: GenderParticipationQuery, @Caller() caller: CurrentUser): Promise<GenderParticipationReport> {
    return this.reports.report(query, caller);
  }
}
