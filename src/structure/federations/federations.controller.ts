import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: ListFederationsQuery): Promise<Page<FederationDto>> {
    return this.federations.list(query);
  }

  @Authenticated()
  @Get(':id')
  get(@UuidParam() id: string): Promise<FederationDto> {
    return this.federations.get(id);
  }

  @Authenticated('admin')
  @Post()
  create(@Body() dto: CreateFederationDto, @Caller() caller: CurrentUser): Promise<FederationDto> {
    return this.federations.create(dto, caller);
  }

  @Authenticated('admin')
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateFederationDto, @Caller() caller: CurrentUser): Promise<FederationDto> {
    return this.federations.update(id, dto, caller);
  }

  @Authenticated('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string): Promise<void> {
    return this.federations.remove(id);
  }
}
