import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: ListSectorsQuery): Promise<Page<SectorDto>> {
    return this.sectors.list(query);
  }

  @Authenticated()
  @Get(':id')
  get(@UuidParam() id: string): Promise<SectorDto> {
    return this.sectors.get(id);
  }

  @Authenticated('admin')
  @Post()
  create(@Body() dto: CreateSectorDto, @Caller() caller: CurrentUser): Promise<SectorDto> {
    return this.sectors.create(dto, caller);
  }

  @Authenticated('admin')
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateSectorDto, @Caller() caller: CurrentUser): Promise<SectorDto> {
    return this.sectors.update(id, dto, caller);
  }

  @Authenticated('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string): Promise<void> {
    return this.sectors.remove(id);
  }
}
