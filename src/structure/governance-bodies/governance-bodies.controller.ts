import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField } from '../../platform/common/errors/domain-error';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { PlatformErrorCode } from '../../platform/error-codes';
import {
  CompositionDto,
  CreateGovernanceBodyDto,
  GovernanceBodyDto,
  ListGovernanceBodiesQuery,
  PutCompositionDto,
  UpdateGovernanceBodyDto,
} from './dto/governance-body.dto';
import { GovernanceBodiesService } from './governance-bodies.service';

const WRITERS = ['admin', 'leadership', 'regional', 'federation'] as const;

/**
 * Decision bodies and their composition per fiscal year (ジェンダー平等推進計画), as counts.
 * Read and written within the caller's scope as unions are; leadership and admin keep the
 * confederation's own bodies.
 */
@ApiTags('governance-bodies')
@Controller('governance-bodies')
export class GovernanceBodiesController {
  constructor(private readonly bodies: GovernanceBodiesService) {}

  @Authenticated()
  @Get()
  @ApiPage(GovernanceBodyDto)
  @ApiOperation({ operationId: 'listGovernanceBodies', summary: 'List governance bodies in your scope, with their compositions' })
  list(@Query() query: ListGovernanceBodiesQuery, @Caller() caller: CurrentUser): Promise<Page<GovernanceBodyDto>> {
    return this.bodies.list(query, caller);
  }

  @Authenticated()
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiOperation({ operationId: 'getGovernanceBody', summary: 'Get a governance body with its compositions' })
  @ApiOkResponse({ type: GovernanceBodyDto })
  get(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<GovernanceBodyDto> {
    return this.bodies.get(id, caller);
  }

  @Authenticated(...WRITERS)
  @Post()
  @ApiOperation({ operationId: 'createGovernanceBody', summary: 'Create a governance body of an organization in your reach' })
  @ApiCreatedResponse({ type: GovernanceBodyDto })
  create(@Body() dto: CreateGovernanceBodyDto, @Caller() caller: CurrentUser): Promise<GovernanceBodyDto> {
    return this.bodies.create(dto, caller);
  }

  @Authenticated(...WRITERS)
  @Patch(':id')
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiOperation({ operationId: 'updateGovernanceBody', summary: 'Rename a governance body or change its kind' })
  @ApiOkResponse({ type: GovernanceBodyDto })
  update(@UuidParam() id: string, @Body() dto: UpdateGovernanceBodyDto, @Caller() caller: CurrentUser): Promise<GovernanceBodyDto> {
    return this.bodies.update(id, dto, caller);
  }

  @Authenticated(...WRITERS)
  @Delete(':id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  @ApiNoContentResponse({ description: 'Deleted, with its compositions' })
  @ApiOperation({ operationId: 'deleteGovernanceBody', summary: 'Delete a governance body and its compositions' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.bodies.remove(id, caller);
  }

  /** Idempotent: the same counts again change nothing. */
  @Authenticated(...WRITERS)
  @Put(':id/compositions/:fiscalYear')
  @ApiParam({ name: 'fiscalYear', schema: { type: 'integer', example: 2026 }, description: 'The fiscal year (年度) by the calendar year it starts in' })
  @ApiNotFoundResponse({ description: 'Unknown body, or outside your scope' })
  @ApiBadRequestResponse({ description: 'women + men + unspecified differ from seats (COUNTS_DO_NOT_SUM on each of the four fields)' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiOperation({ operationId: 'putGovernanceComposition', summary: 'Record (or replace) a body’s composition in a fiscal year, as counts' })
  @ApiOkResponse({ type: CompositionDto })
  put(
    @UuidParam() id: string,
    @Param('fiscalYear') fiscalYear: string,
    @Body() dto: PutCompositionDto,
    @Caller() caller: CurrentUser,
  ): Promise<CompositionDto> {
    if (!/^\d{4}$/.test(fiscalYear)) throw badField('fiscalYear', PlatformErrorCode.INVALID_FORMAT, 'must be a year such as 2026');
    return this.bodies.putComposition(id, Number(fiscalYear), dto, caller);
  }
}
