import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { ConsultationsService } from './consultations.service';
import { ConsultationDto, CreateConsultationDto, ListConsultationsQuery, UpdateConsultationDto } from './dto/consultation.dto';

/** まちかど労働相談. Organizers and federation users are refused (403): the records are sensitive. */
@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Authenticated('admin', 'leadership', 'regional')
  @Get()
  @ApiOperation({ operationId: 'listConsultations', summary: 'List labour consultations in your scope' })
  @ApiPage(ConsultationDto)
  list(@Query() query: ListConsultationsQuery, @Caller() caller: CurrentUser): Promise<Page<ConsultationDto>> {
    return this.consultations.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'regional')
  @Get(':id')
  @ApiOperation({ operationId: 'getConsultation', summary: 'Get a labour consultation' })
  @ApiOkResponse({ type: ConsultationDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<ConsultationDto> {
    return this.consultations.get(id, caller);
  }

  @Authenticated('admin', 'regional')
  @AcceptsIdempotencyKey()
  @Post()
  @ApiOperation({ operationId: 'createConsultation', summary: 'Record a labour consultation' })
  @ApiCreatedResponse({ type: ConsultationDto })
  create(@Body() dto: CreateConsultationDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<ConsultationDto> {
    return this.consultations.create(dto, caller, request);
  }

  @Authenticated('admin', 'regional')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateConsultation', summary: 'Change a labour consultation' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(@UuidParam() id: string, @Body() dto: UpdateConsultationDto, @Caller() caller: CurrentUser): Promise<ConsultationDto> {
    return this.consultations.update(id, dto, caller);
  }
}
