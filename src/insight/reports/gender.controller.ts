import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import { GenderReportDto } from './dto/report-answers.dto';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { GenderReport, GenderService } from './gender.service';
import { GenderQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class GenderController {
  constructor(private readonly reports: GenderService) {}

  /** Members by gender and the female share per federation or council at a month end. */
  @Authenticated()
  @Get('gender')
  @ApiOperation({ operationId: 'getGenderReport', summary: 'Members by gender and the female share' })
  @ApiOkResponse({ type: GenderReportDto })
  gender(@Query() query: GenderQuery, @Caller() caller: CurrentUser): Promise<GenderReport> {
    return this.reports.gender(query, caller);
  }
}
