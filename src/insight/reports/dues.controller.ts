import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import { DuesReportDto } from './dto/report-answers.dto';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { DuesReport, DuesService } from './dues.service';
import { DuesQuery } from './report-query.dto';
import { ReportCached } from './report-cache.interceptor';

@ApiTags('reports')
@ReportCached()
@Controller('reports')
export class DuesController {
  constructor(private readonly reports: DuesService) {}

  /** Dues per month of a fiscal year: members x monthly dues x payment rate; future months carry the last known members. */
  @Authenticated()
  @Get('dues-projection')
  @ApiOperation({ operationId: 'getDuesProjection', summary: 'Projected union dues per month of a fiscal year' })
  @ApiOkResponse({ type: DuesReportDto })
  projection(@Query() query: DuesQuery, @Caller() caller: CurrentUser): Promise<DuesReport> {
    return this.reports.projection(query, caller);
  }
}
