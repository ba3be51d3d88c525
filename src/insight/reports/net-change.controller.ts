import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NetChangeReportDto } from './dto/fiscal-report-answers.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { NetChangeReport, NetChangeService } from './net-change.service';
import { MonthRangeQuery } from './report-query.dto';
import { ReportCacheInterceptor } from './report-cache.interceptor';

@ApiTags('reports')
@UseInterceptors(ReportCacheInterceptor)
@Controller('reports')
export class NetChangeController {
  constructor(private readonly reports: NetChangeService) {}

  /** Each month's gains and losses by cause: the waterfall behind the growth. */
  @Authenticated()
  @ApiOkResponse({ type: NetChangeReportDto })
  @Get('net-change')
  netChange(@Query() query: MonthRangeQuery, @Caller() caller: CurrentUser): Promise<NetChangeReport> {
    return this.reports.netChange(query, caller);
  }
}
