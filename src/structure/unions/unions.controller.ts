import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEvents } from '../../platform/audit/audit-events.service';
import { AuditEventPageDto, RecordHistoryQuery } from '../../platform/audit/dto/audit-event.dto';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateUnionDto, ListUnionsQuery, UnionDto, UpdateUnionDto } from './dto/union.dto';
import { sql } from '../../platform/database/sql';
import { UnionsService } from './unions.service';

/** Every role reads the unions of its scope; admins, regional staff and federation users write them. */
@ApiTags('unions')
@Controller('unions')
export class UnionsController {
  constructor(
    private readonly unions: UnionsService,
    private readonly events: AuditEvents,
  ) {}

  @Authenticated()
  @Get()
  @ApiPage(UnionDto)
  @ApiOperation({ operationId: 'listUnions', summary: 'List unions in your scope' })
  list(@Query() query: ListUnionsQuery, @Caller() caller: CurrentUser): Promise<Page<UnionDto>> {
    return this.unions.list(query, caller);
  }

  @Authenticated()
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'getUnion', summary: 'Get a union' })
  @ApiOkResponse({ type: UnionDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<UnionDto> {
    return this.unions.get(id, caller);
  }

  /** 履歴: for whoever may read the union (its scope is checked first, so another's answers 404). */
  @Authenticated()
  @Get(':id/audit')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'getUnionHistory', summary: 'A union’s history (履歴): its audit events, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  async history(@UuidParam() id: string, @Query() query: RecordHistoryQuery, @Caller() caller: CurrentUser): Promise<AuditEventPageDto> {
    await this.unions.get(id, caller);
    // and the events of its ledger entries (a change recorded or reversed names its entry)
    return this.events.forRecord('union', id, query, {
      targetType: 'membership_change',
      ids: sql`SELECT m.id::text FROM membership_changes m WHERE m.union_id = ${id}`,
    });
  }

  @Authenticated('admin', 'regional', 'federation')
  @Post()
  @ApiOperation({ operationId: 'createUnion', summary: 'Create a union' })
  @ApiCreatedResponse({ type: UnionDto })
  @ApiConflictResponse({ description: 'A union with this code already exists' })
  create(@Body() dto: CreateUnionDto, @Caller() caller: CurrentUser): Promise<UnionDto> {
    return this.unions.create(dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Patch(':id')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'updateUnion', summary: 'Change a union' })
  @ApiOkResponse({ type: UnionDto })
  @ApiConflictResponse({ description: 'Stale version, or the code is already in use' })
  update(@UuidParam() id: string, @Body() dto: UpdateUnionDto, @Caller() caller: CurrentUser): Promise<UnionDto> {
    return this.unions.update(id, dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Delete(':id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'deleteUnion', summary: 'Delete a union' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The union has membership history (set it dissolved instead), or is still referenced' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.unions.remove(id, caller);
  }
}
