import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @ApiPage(ConsultationDto)
  list(@Query() query: ListConsultationsQuery, @Caller() caller: CurrentUser): Promise<Page<ConsultationDto>> {
    return this.consultations.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'regional')
  @Get(':id')
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<ConsultationDto> {
    return this.consultations.get(id, caller);
  }

  @Authenticated('admin', 'regional')
  @AcceptsIdempotencyKey()
  @Post()
  create(@Body() dto: CreateConsultationDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<ConsultationDto> {
    return this.consultations.create(dto, caller, request);
  }

  @Authenticated('admin', 'regional')
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateConsultationDto, @Caller() caller: CurrentUser): Promise<ConsultationDto> {
    return this.consultations.update(id, dto, caller);
  }
}
