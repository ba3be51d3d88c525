import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateSectorDto, ListSectorsQuery, SectorDto, UpdateSectorDto } from './dto/sector.dto';
import { SectorsService } from './sectors.service';

/** Reference data: every signed-in user reads it, admins change it. */
@ApiTags('sectors')
@Controller('sectors')
export class SectorsController {
  constructor(private readonly sectors: SectorsService) {}

  @Authenticated()
  @Get()
  @ApiPage(SectorDto)
  @ApiOperation({ operationId: 'listSectors', summary: 'List sectors' })
  list(@Query() query: ListSectorsQuery): Promise<Page<SectorDto>> {
    return this.sectors.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getSector', summary: 'Get a sector' })
  @ApiOkResponse({ type: SectorDto })
  get(@UuidParam() id: string): Promise<SectorDto> {
    return this.sectors.get(id);
  }

  @Authenticated('admin')
  @Post()
  @ApiOperation({ operationId: 'createSector', summary: 'Create a sector' })
  @ApiCreatedResponse({ type: SectorDto })
  @ApiConflictResponse({ description: 'A sector with this code already exists' })
  create(@Body() dto: CreateSectorDto, @Caller() caller: CurrentUser): Promise<SectorDto> {
    return this.sectors.create(dto, caller);
  }

  @Authenticated('admin')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateSector', summary: 'Change a sector' })
  @ApiOkResponse({ type: SectorDto })
  @ApiConflictResponse({ description: 'Stale version, or the code is already in use' })
  update(@UuidParam() id: string, @Body() dto: UpdateSectorDto, @Caller() caller: CurrentUser): Promise<SectorDto> {
    return this.sectors.update(id, dto, caller);
  }

  @Authenticated('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteSector', summary: 'Delete a sector' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The sector is still referenced' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.sectors.remove(id, caller);
  }
}
