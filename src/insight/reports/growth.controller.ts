import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrowthReportDto } from './dto/report-answers.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { GrowthReport, GrowthService } from './growth.service';
import { GrowthQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class GrowthController {
  constructor(private readonly reports: GrowthService) {}

  /** Members by month per total, federation, council, sector, union, employment type or gender (組織拡大の推移). */
  @Authenticated()
  @ApiOkResponse({ type: GrowthReportDto })
  @Get('growth')
  @ApiOperation({ operationId: 'getGrowthReport', summary: 'Members by month and group (growth report)' })
  growth(@Query() query: GrowthQuery, @Caller() caller: CurrentUser): Promise<GrowthReport> {
    return this.reports.growth(query, caller);
  }
}
