import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventPageDto, RecordHistoryQuery } from '../../platform/audit/dto/audit-event.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page, PageQuery } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { AffiliationService } from './affiliation.service';
import { AffiliateProspectDto, AffiliationDto } from './dto/affiliate.dto';
import { CreateProspectDto, ListProspectsQuery, ProspectDto, UpdateProspectDto } from './dto/prospect.dto';
import { MoveStageDto, ReopenProspectDto, StageChangeDto } from './dto/stage.dto';
import { ProspectHistoryService } from './prospect-history.service';
import { ProspectStagesService } from './prospect-stages.service';
import { ProspectsService } from './prospects.service';

/**
 * Unorganized workplaces (see ProspectScope for who sees what). Council staff create and
 * edit them; assigned organizers and council staff move their stage; council staff
 * reopen and affiliate them.
 */
@ApiTags('prospects')
@Controller('prospects')
export class ProspectsController {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly stages: ProspectStagesService,
    private readonly affiliation: AffiliationService,
    private readonly auditTrail: ProspectHistoryService,
  ) {}

  @Authenticated()
  @Get()
  @ApiOperation({ operationId: 'listProspects', summary: 'List prospects (unorganized workplaces) in your scope' })
  @ApiPage(ProspectDto)
  list(@Query() query: ListProspectsQuery, @Caller() caller: CurrentUser): Promise<Page<ProspectDto>> {
    return this.prospects.list(query, caller);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getProspect', summary: 'Get a prospect' })
  @ApiOkResponse({ type: ProspectDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<ProspectDto> {
    return this.prospects.get(id, caller);
  }

  @Authenticated('admin', 'regional')
  @AcceptsIdempotencyKey()
  @Post()
  @ApiOperation({ operationId: 'createProspect', summary: 'Record a prospect' })
  @ApiCreatedResponse({ type: ProspectDto })
  create(@Body() dto: CreateProspectDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<ProspectDto> {
    return this.prospects.create(dto, caller, request);
  }

  @Authenticated('admin', 'regional')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateProspect', summary: 'Change a prospect' })
  @ApiOkResponse({ type: ProspectDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(@UuidParam() id: string, @Body() dto: UpdateProspectDto, @Caller() caller: CurrentUser): Promise<ProspectDto> {
    return this.prospects.update(id, dto, caller);
  }

  /** Every stage the prospect entered: who, when, from, to, note. */
  @Authenticated()
  @Get(':id/history')
  @ApiOperation({ operationId: 'listProspectStageChanges', summary: 'A prospect’s stage history' })
  @ApiPage(StageChangeDto)
  history(@UuidParam() id: string, @Query() query: PageQuery, @Caller() caller: CurrentUser): Promise<Page<StageChangeDto>> {
    return this.stages.history(id, query, caller);
  }

  /** 履歴: the prospect's audit events and its visits' (not for federation users, who read no visits). */
  @Authenticated()
  @Get(':id/audit')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'getProspectHistory', summary: 'A prospect’s history (履歴): its and its visits’ audit events, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  auditHistory(@UuidParam() id: string, @Query() query: RecordHistoryQuery, @Caller() caller: CurrentUser): Promise<AuditEventPageDto> {
    return this.auditTrail.read(id, query, caller);
  }

  /** One step forward or back, on_hold, back from on_hold, or lost (with a note). */
  @Authenticated('admin', 'regional', 'organizer')
  @AcceptsIdempotencyKey()
  @Post(':id/stage')
  @HttpCode(200)
  @ApiOperation({ operationId: 'moveProspectStage', summary: 'Move a prospect to another stage' })
  @ApiOkResponse({ type: ProspectDto })
  @ApiConflictResponse({ description: 'Illegal stage change, stale version, or Idempotency-Key reused with a different request' })
  move(@UuidParam() id: string, @Body() dto: MoveStageDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<ProspectDto> {
    return this.stages.move(id, dto, caller, request);
  }

  /** Out of affiliated or lost, back to a working stage (council staff, with a reason). */
  @Authenticated('admin', 'regional')
  @AcceptsIdempotencyKey()
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ operationId: 'reopenProspect', summary: 'Reopen an affiliated or lost prospect' })
  @ApiOkResponse({ type: ProspectDto })
  @ApiConflictResponse({ description: 'Not affiliated or lost, stale version, or Idempotency-Key reused with a different request' })
  reopen(
    @UuidParam() id: string,
    @Body() dto: ReopenProspectDto,
    @Caller() caller: CurrentUser,
    @IdempotencyKey() request: IdempotentRequest,
  ): Promise<ProspectDto> {
    return this.stages.reopen(id, dto, caller, request);
  }

  /** 加盟: creates the union and its new_organizing members in one transaction; 409 if already affiliated. */
  @Authenticated('admin', 'regional')
  @AcceptsIdempotencyKey()
  @Post(':id/affiliate')
  @ApiOperation({ operationId: 'affiliateProspect', summary: 'Affiliate a prospect: create its union and new members' })
  @ApiCreatedResponse({ type: AffiliationDto })
  @ApiConflictResponse({ description: 'Already affiliated, stale version, or Idempotency-Key reused with a different request' })
  affiliate(
    @UuidParam() id: string,
    @Body() dto: AffiliateProspectDto,
    @Caller() caller: CurrentUser,
    @IdempotencyKey() request: IdempotentRequest,
  ): Promise<AffiliationDto> {
    return this.affiliation.affiliate(id, dto, caller, request);
  }
}
