import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LossCausesReportDto } from './dto/report-answers.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { LossCausesReport, LossCausesService } from './loss-causes.service';
import { LossCausesQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class LossCausesController {
  constructor(private readonly reports: LossCausesService) {}

  /** Members lost by cause against the previous period of equal length, and the unions that lost most (of one cause with `cause`). */
  @Authenticated()
  @ApiOkResponse({ type: LossCausesReportDto })
  @Get('loss-causes')
  @ApiOperation({ operationId: 'getLossCausesReport', summary: 'Members lost by cause, against the previous period' })
  lossCauses(@Query() query: LossCausesQuery, @Caller() caller: CurrentUser): Promise<LossCausesReport> {
    return this.reports.lossCauses(query, caller);
  }
}
