import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { CreateVisitDto, ListVisitsQuery, UpdateVisitDto, VisitDto } from './dto/visit.dto';
import { VisitsService } from './visits.service';

/**
 * Visits are read by whoever reads the prospect, except federation users (visit notes speak
 * of individual workers' support); logged by its council's organizers and staff and admins.
 */
@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get('prospects/:prospectId/visits')
  @ApiOperation({ operationId: 'listProspectVisits', summary: 'List a prospect’s visits' })
  @ApiPage(VisitDto)
  listForProspect(@UuidParam('prospectId') prospectId: string, @Query() query: ListVisitsQuery, @Caller() caller: CurrentUser): Promise<Page<VisitDto>> {
    return this.visits.listForProspect(prospectId, query, caller);
  }

  /** The caller is the author. A nextActionOn also becomes the prospect's next action. */
  @Authenticated('admin', 'regional', 'organizer')
  @AcceptsIdempotencyKey()
  @Post('prospects/:prospectId/visits')
  @ApiOperation({ operationId: 'createVisit', summary: 'Log a visit to a prospect' })
  @ApiCreatedResponse({ type: VisitDto })
  create(
    @UuidParam('prospectId') prospectId: string,
    @Body() dto: CreateVisitDto,
    @Caller() caller: CurrentUser,
    @IdempotencyKey() request: IdempotentRequest,
  ): Promise<VisitDto> {
    return this.visits.create(prospectId, dto, caller, request);
  }

  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get('visits')
  @ApiOperation({ operationId: 'listVisits', summary: 'List visits in your scope' })
  @ApiPage(VisitDto)
  list(@Query() query: ListVisitsQuery, @Caller() caller: CurrentUser): Promise<Page<VisitDto>> {
    return this.visits.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get('visits/:id')
  @ApiOperation({ operationId: 'getVisit', summary: 'Get a visit' })
  @ApiOkResponse({ type: VisitDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<VisitDto> {
    return this.visits.get(id, caller);
  }

  /** By its author only (403 for anyone else). A retry with the same Idempotency-Key and body answers the first edit. */
  @Authenticated('admin', 'regional', 'organizer')
  @AcceptsIdempotencyKey()
  @Patch('visits/:id')
  @ApiOperation({ operationId: 'updateVisit', summary: 'Change a visit you logged' })
  @ApiOkResponse({ type: VisitDto })
  @ApiConflictResponse({ description: 'Stale version, or Idempotency-Key reused with a different request' })
  update(@UuidParam() id: string, @Body() dto: UpdateVisitDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<VisitDto> {
    return this.visits.update(id, dto, caller, request);
  }
}
