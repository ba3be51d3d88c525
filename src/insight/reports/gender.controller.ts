import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GenderReportDto } from './dto/fiscal-report-answers.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { GenderReport, GenderService } from './gender.service';
import { GenderQuery } from './report-query.dto';
import { ReportCacheInterceptor } from './report-cache.interceptor';

@ApiTags('reports')
@UseInterceptors(ReportCacheInterceptor)
@Controller('reports')
export class GenderController {
  constructor(private readonly reports: GenderService) {}

  /** Members by gender and the female share per federation or council at a month end. */
  @Authenticated()
  @ApiOkResponse({ type: GenderReportDto })
  @Get('gender')
  gender(@Query() query: GenderQuery, @Caller() caller: CurrentUser): Promise<GenderReport> {
    return this.reports.gender(query, caller);
  }
}
