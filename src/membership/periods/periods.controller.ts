import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page, PageQuery } from '../../platform/common/http/pagination';
import { ClosedPeriodDto, MonthParam } from './dto/period.dto';
import { PeriodsService } from './periods.service';

/** Month close (月次締め): publishing a month's membership figures. */
@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  /** The closed months, newest first. */
  @Authenticated()
  @Get()
  @ApiPage(ClosedPeriodDto)
  @ApiOperation({ operationId: 'listClosedPeriods', summary: 'List the closed months' })
  list(@Query() query: PageQuery): Promise<Page<ClosedPeriodDto>> {
    return this.periods.list(query);
  }

  /** Publishes the month's figures at every level; a month already closed is 409. */
  @Authenticated('leadership', 'admin')
  @Post(':month/close')
  @HttpCode(201)
  @ApiOperation({ operationId: 'closePeriod', summary: 'Close a month and publish its figures' })
  @ApiCreatedResponse({ type: ClosedPeriodDto })
  @ApiConflictResponse({ description: 'The month is already closed' })
  close(@MonthParam() month: string, @Caller() caller: CurrentUser): Promise<ClosedPeriodDto> {
    return this.periods.close(month, caller);
  }
}
