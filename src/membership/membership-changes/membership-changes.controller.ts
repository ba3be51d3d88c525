import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import { BodyLimit } from '../../platform/common/http/body-limits';
import { ApiTakesTurns } from '../../platform/common/http/turns';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { BulkItemsPipe } from './dto/bulk-items.pipe';
import { BULK_BODY_LIMIT, BulkMembershipChangesDto, CreateMembershipChangeDto } from './dto/create-membership-change.dto';
import type { BulkBody } from './dto/create-membership-change.dto';
import { ListMembershipChangesQuery } from './dto/list-membership-changes.query';
import { BulkResultDto, MembershipChangeDto } from './dto/membership-change.dto';
import { ReverseMembershipChangeDto } from './dto/reverse-membership-change.dto';
import { AcceptsIdempotencyKey, IdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency';
import { MembershipChangesService } from './membership-changes.service';

/** The membership ledger: federations (their unions) and admins write, everyone but organizers reads in scope. */
@ApiTags('membership-changes')
@Controller('membership-changes')
export class MembershipChangesController {
  constructor(private readonly changes: MembershipChangesService) {}

  @Authenticated('admin', 'federation')
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: MembershipChangeDto })
  @Post()
  @ApiOperation({ operationId: 'createMembershipChange', summary: 'Record a membership change in the ledger' })
  create(@Body() dto: CreateMembershipChangeDto, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<MembershipChangeDto> {
    return this.changes.create(dto, caller, request);
  }

  @Authenticated('admin', 'federation')
  @AcceptsIdempotencyKey()
  @ApiBody({ type: BulkMembershipChangesDto })
  @ApiCreatedResponse({ type: BulkResultDto })
  @BodyLimit(BULK_BODY_LIMIT)
  @ApiTakesTurns()
  @Post('bulk')
  @ApiOperation({ operationId: 'createMembershipChangesInBulk', summary: 'Record up to 10,000 membership changes, all or nothing' })
  bulk(@Body(BulkItemsPipe) dto: BulkBody, @Caller() caller: CurrentUser, @IdempotencyKey() request: IdempotentRequest): Promise<BulkResultDto> {
    return this.changes.bulk(dto, caller, request);
  }

  @Authenticated('admin', 'leadership', 'regional', 'federation')
  @Get()
  @ApiPage(MembershipChangeDto)
  @ApiOperation({ operationId: 'listMembershipChanges', summary: 'List membership changes in your scope' })
  list(@Query() query: ListMembershipChangesQuery, @Caller() caller: CurrentUser): Promise<Page<MembershipChangeDto>> {
    return this.changes.list(query, caller);
  }

  @Authenticated('admin', 'leadership', 'regional', 'federation')
  @Get(':id')
  @ApiOperation({ operationId: 'getMembershipChange', summary: 'Get a membership change' })
  @ApiOkResponse({ type: MembershipChangeDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<MembershipChangeDto> {
    return this.changes.get(id, caller);
  }

  @Authenticated('admin', 'federation')
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: MembershipChangeDto, description: 'The reversing entry' })
  @Post(':id/reverse')
  @ApiOperation({ operationId: 'reverseMembershipChange', summary: 'Reverse a ledger entry with an opposite entry' })
  @ApiConflictResponse({ description: 'Already reversed, not reversible, or Idempotency-Key reused with a different request' })
  reverse(
    @UuidParam() id: string,
    @Body() dto: ReverseMembershipChangeDto,
    @Caller() caller: CurrentUser,
    @IdempotencyKey() request: IdempotentRequest,
  ): Promise<MembershipChangeDto> {
    return this.changes.reverse(id, dto, caller, request);
  }
}
