import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { OrganizerActivityService } from './organizer-activity.service';
import { OrganizerActivityQuery, OrganizerActivityReport, PipelineReport, PipelineReportQuery } from './pipeline-report.dto';
import { PipelineService } from './pipeline.service';

/** Organizing reports, scoped like prospects: council staff and organizers see their council. */
@ApiTags('reports')
@Controller('reports')
export class PipelineController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly activity: OrganizerActivityService,
  ) {}

  /**
   * Prospects per stage, conversion between consecutive stages, median days per stage,
   * workers covered and expected members: in total, by council and by organizer. The cohort
   * is the prospects first recorded from `from` to `to`; figures stand as at the end of `to`.
   */
  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get('pipeline')
  @ApiOperation({ operationId: 'getPipelineReport', summary: 'Prospects per stage, conversion and expected members' })
  @ApiOkResponse({ type: PipelineReport })
  report(@Query() query: PipelineReportQuery, @Caller() caller: CurrentUser): Promise<PipelineReport> {
    return this.pipeline.report(query, caller);
  }

  /** A month's visits by outcome, consultations, stage advances and foundings, per organizer and per council. */
  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get('organizer-activity')
  @ApiOperation({ operationId: 'getOrganizerActivityReport', summary: 'A month’s organizing activity per organizer and council' })
  @ApiOkResponse({ type: OrganizerActivityReport })
  organizerActivity(@Query() query: OrganizerActivityQuery, @Caller() caller: CurrentUser): Promise<OrganizerActivityReport> {
    return this.activity.report(query, caller);
  }
}
