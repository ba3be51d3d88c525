import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import { NetChangeReportDto } from './dto/report-answers.dto';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { NetChangeReport, NetChangeService } from './net-change.service';
import { MonthRangeQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class NetChangeController {
  constructor(private readonly reports: NetChangeService) {}

  /** Each month's gains and losses by cause: the waterfall behind the growth. */
  @Authenticated()
  @Get('net-change')
  @ApiOperation({ operationId: 'getNetChangeReport', summary: 'Each month’s gains and losses by cause' })
  @ApiOkResponse({ type: NetChangeReportDto })
  netChange(@Query() query: MonthRangeQuery, @Caller() caller: CurrentUser): Promise<NetChangeReport> {
    return this.reports.netChange(query, caller);
  }
}
