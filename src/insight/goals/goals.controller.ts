import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateGoalDto, GoalAllocationsDto, GoalDto, GoalProgressDto, ListGoalsQuery, UpdateGoalDto } from './dto/goal.dto';
import { GoalProgressService } from './goal-progress.service';
import { GoalsService } from './goals.service';
import { ReportCached } from '../reports/report-cache.interceptor';

/** Membership goals: leadership and admins manage them, every signed-in user reads them; progress figures follow the caller's scope. */
@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly progress: GoalProgressService,
  ) {}

  @Authenticated()
  @Get()
  @ApiPage(GoalDto)
  @ApiOperation({ operationId: 'listGoals', summary: 'List membership goals' })
  list(@Query() query: ListGoalsQuery): Promise<Page<GoalDto>> {
    return this.goals.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getGoal', summary: 'Get a membership goal' })
  @ApiOkResponse({ type: GoalDto })
  get(@UuidParam() id: string): Promise<GoalDto> {
    return this.goals.get(id);
  }

  /** The child goals, the sum of their targets and its difference from this goal's target. */
  @Authenticated()
  @Get(':id/allocations')
  @ApiOperation({ operationId: 'getGoalAllocations', summary: 'A goal’s child goals and how their targets add up' })
  @ApiOkResponse({ type: GoalAllocationsDto })
  allocations(@UuidParam() id: string): Promise<GoalAllocationsDto> {
    return this.goals.allocations(id);
  }

  /**
   * Members now against the target, the trend, the projection and each milestone's state.
   * The figures follow the report scope: chapter-wide goals for everyone, a council's or
   * federation's goals for that council's or federation's users (and admin, leadership);
   * another's answers 404.
   */
  @Authenticated()
  @ReportCached()
  @Get(':id/progress')
  @ApiOperation({ operationId: 'getGoalProgress', summary: 'A goal’s progress, trend, projection and milestones' })
  @ApiOkResponse({ type: GoalProgressDto })
  getProgress(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<GoalProgressDto> {
    return this.progress.progress(id, caller);
  }

  @Authenticated('leadership', 'admin')
  @Post()
  @ApiOperation({ operationId: 'createGoal', summary: 'Create a membership goal' })
  @ApiCreatedResponse({ type: GoalDto })
  create(@Body() dto: CreateGoalDto, @Caller() caller: CurrentUser): Promise<GoalDto> {
    return this.goals.create(dto, caller);
  }

  @Authenticated('leadership', 'admin')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateGoal', summary: 'Change a membership goal' })
  @ApiOkResponse({ type: GoalDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(@UuidParam() id: string, @Body() dto: UpdateGoalDto, @Caller() caller: CurrentUser): Promise<GoalDto> {
    return this.goals.update(id, dto, caller);
  }

  @Authenticated('leadership', 'admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteGoal', summary: 'Delete a membership goal' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The goal still has child goals' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.goals.remove(id, caller);
  }
}
