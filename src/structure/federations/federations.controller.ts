import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateFederationDto, FederationDto, ListFederationsQuery, UpdateFederationDto } from './dto/federation.dto';
import { FederationsService } from './federations.service';

/** Reference data: every signed-in user reads it, admins change it. */
@ApiTags('federations')
@Controller('federations')
export class FederationsController {
  constructor(private readonly federations: FederationsService) {}

  @Authenticated()
  @Get()
  @ApiPage(FederationDto)
  @ApiOperation({ operationId: 'listFederations', summary: 'List federations' })
  list(@Query() query: ListFederationsQuery): Promise<Page<FederationDto>> {
    return this.federations.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getFederation', summary: 'Get a federation' })
  @ApiOkResponse({ type: FederationDto })
  get(@UuidParam() id: string): Promise<FederationDto> {
    return this.federations.get(id);
  }

  @Authenticated('admin')
  @Post()
  @ApiOperation({ operationId: 'createFederation', summary: 'Create a federation' })
  @ApiCreatedResponse({ type: FederationDto })
  @ApiConflictResponse({ description: 'A federation with this code already exists' })
  create(@Body() dto: CreateFederationDto, @Caller() caller: CurrentUser): Promise<FederationDto> {
    return this.federations.create(dto, caller);
  }

  @Authenticated('admin')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateFederation', summary: 'Change a federation' })
  @ApiOkResponse({ type: FederationDto })
  @ApiConflictResponse({ description: 'Stale version, or the code is already in use' })
  update(@UuidParam() id: string, @Body() dto: UpdateFederationDto, @Caller() caller: CurrentUser): Promise<FederationDto> {
    return this.federations.update(id, dto, caller);
  }

  @Authenticated('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteFederation', summary: 'Delete a federation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The federation is still referenced' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.federations.remove(id, caller);
  }
}
