import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateGoalDto, GoalAllocationsDto, GoalDto, GoalProgressDto, ListGoalsQuery, UpdateGoalDto } from './dto/goal.dto';
import { GoalProgressService } from './goal-progress.service';
import { GoalsService } from './goals.service';
import { ReportCacheInterceptor } from '../reports/report-cache.interceptor';

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
  list(@Query() query: ListGoalsQuery): Promise<Page<GoalDto>> {
    return this.goals.list(query);
  }

  @Authenticated()
  @Get(':id')
  get(@UuidParam() id: string): Promise<GoalDto> {
    return this.goals.get(id);
  }

  /** The child goals, the sum of their targets and its difference from this goal's target. */
  @Authenticated()
  @Get(':id/allocations')
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
  @UseInterceptors(ReportCacheInterceptor)
  @Get(':id/progress')
  getProgress(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<GoalProgressDto> {
    return this.progress.progress(id, caller);
  }

  @Authenticated('leadership', 'admin')
  @Post()
  create(@Body() dto: CreateGoalDto, @Caller() caller: CurrentUser): Promise<GoalDto> {
    return this.goals.create(dto, caller);
  }

  @Authenticated('leadership', 'admin')
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateGoalDto, @Caller() caller: CurrentUser): Promise<GoalDto> {
    return this.goals.update(id, dto, caller);
  }

  @Authenticated('leadership', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string): Promise<void> {
    return this.goals.remove(id);
  }
}
