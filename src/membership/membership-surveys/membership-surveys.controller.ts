import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { ListMembershipSurveysQuery, MembershipSurveyDto, SubmitMembershipSurveyDto } from './dto/submit-membership-survey.dto';
import { MembershipSurveysService } from './membership-surveys.service';

/** The annual member count survey: federations submit for their unions, admins for any. */
@ApiTags('membership-surveys')
@Controller('membership-surveys')
export class MembershipSurveysController {
  constructor(private readonly surveys: MembershipSurveysService) {}

  @Authenticated('admin', 'federation')
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: MembershipSurveyDto, description: 'The survey with the adjustments it wrote (none when the ledger already agreed)' })
  @Post()
  @ApiOperation({ operationId: 'submitMembershipSurvey', summary: 'Submit a union’s annual member count survey' })
  submit(@Body() dto: SubmitMembershipSurveyDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<MembershipSurveyDto> {
    return this.surveys.submit(dto, caller, request);
  }

  @Authenticated('admin', 'leadership', 'regional', 'federation')
  @Get()
  @ApiOperation({ operationId: 'listMembershipSurveys', summary: 'List membership surveys in your scope' })
  @ApiPage(MembershipSurveyDto)
  list(@Query() query: ListMembershipSurveysQuery, @Caller() caller: CurrentUser): Promise<Page<MembershipSurveyDto>> {
    return this.surveys.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'regional', 'federation')
  @Get(':id')
  @ApiOperation({ operationId: 'getMembershipSurvey', summary: 'Get a membership survey' })
  @ApiOkResponse({ type: MembershipSurveyDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<MembershipSurveyDto> {
    return this.surveys.get(id, caller);
  }
}
