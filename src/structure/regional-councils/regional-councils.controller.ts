import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CouncilOrganizersDto } from './dto/council-organizer.dto';
import { CreateRegionalCouncilDto, ListRegionalCouncilsQuery, RegionalCouncilDto, UpdateRegionalCouncilDto } from './dto/regional-council.dto';
import { RegionalCouncilsService } from './regional-councils.service';

/** Reference data: every signed-in user reads it, admins change it. */
@ApiTags('regional-councils')
@Controller('regional-councils')
export class RegionalCouncilsController {
  constructor(private readonly councils: RegionalCouncilsService) {}

  @Authenticated()
  @Get()
  @ApiPage(RegionalCouncilDto)
  @ApiOperation({ operationId: 'listRegionalCouncils', summary: 'List regional councils' })
  list(@Query() query: ListRegionalCouncilsQuery): Promise<Page<RegionalCouncilDto>> {
    return this.councils.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getRegionalCouncil', summary: 'Get a regional council' })
  @ApiOkResponse({ type: RegionalCouncilDto })
  get(@UuidParam() id: string): Promise<RegionalCouncilDto> {
    return this.councils.get(id);
  }

  /**
   * 担当オルガナイザー: the council's active organizers (id and name, no e-mail address), for
   * admin and leadership, and for the council's own staff and organizers.
   */
  @Authenticated('admin', 'leadership', 'regional', 'organizer')
  @Get(':id/organizers')
  @ApiOperation({ operationId: 'listCouncilOrganizers', summary: "List a regional council's organizers" })
  @ApiOkResponse({ type: CouncilOrganizersDto })
  @ApiNotFoundResponse({ description: 'Unknown, or another council than your own' })
  organizers(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<CouncilOrganizersDto> {
    return this.councils.organizers(id, caller);
  }

  @Authenticated('admin')
  @Post()
  @ApiOperation({ operationId: 'createRegionalCouncil', summary: 'Create a regional council' })
  @ApiCreatedResponse({ type: RegionalCouncilDto })
  @ApiConflictResponse({ description: 'A regional council with this code already exists' })
  create(@Body() dto: CreateRegionalCouncilDto, @Caller() caller: CurrentUser): Promise<RegionalCouncilDto> {
    return this.councils.create(dto, caller);
  }

  @Authenticated('admin')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateRegionalCouncil', summary: 'Change a regional council' })
  @ApiOkResponse({ type: RegionalCouncilDto })
  @ApiConflictResponse({ description: 'Stale version, or the code is already in use' })
  update(@UuidParam() id: string, @Body() dto: UpdateRegionalCouncilDto, @Caller() caller: CurrentUser): Promise<RegionalCouncilDto> {
    return this.councils.update(id, dto, caller);
  }

  @Authenticated('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRegionalCouncil', summary: 'Delete a regional council' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The regional council is still referenced' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.councils.remove(id, caller);
  }
}
