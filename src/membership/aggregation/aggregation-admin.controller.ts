import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { notFound } from '../../platform/common/errors/domain-error';
import { AggregationJobs } from './aggregation.jobs';
import { AggregationRebuild } from './aggregation-rebuild';
import { JobDto, RebuildAcceptedDto } from './dto/aggregation-jobs.dto';
import { InvariantsDto } from './dto/invariants.dto';
import { InvariantsService } from './invariants.service';

/** Operations on the aggregation: rebuild, job status, the rollup invariant. */
@ApiTags('admin')
@Controller('admin')
export class AggregationAdminController {
  constructor(
    private readonly jobs: AggregationJobs,
    private readonly invariants: InvariantsService,
    private readonly rebuilds: AggregationRebuild,
  ) {}

  /** Queues a recomputation of every rollup from the ledger (run by the worker, in one transaction); audited. */
  @Authenticated('admin')
  @ApiAcceptedResponse({ type: RebuildAcceptedDto })
  @HttpCode(202)
  @Post('aggregations/rebuild')
  @ApiOperation({ operationId: 'rebuildAggregations', summary: 'Queue a rebuild of every rollup from the ledger' })
  rebuild(@Caller() caller: CurrentUser): Promise<RebuildAcceptedDto> {
    return this.rebuilds.request(caller);
  }

  /** A queue job: `{id, name, state, progress, result?, failedReason?}`; 404 when unknown or expired. */
  @Authenticated('admin')
  @Get('jobs/:id')
  @ApiOperation({ operationId: 'getJob', summary: 'Get a queue job’s state and progress' })
  @ApiOkResponse({ type: JobDto })
  async job(@Param('id') id: string): Promise<JobDto> {
    const job = await this.jobs.find(id);
    if (!job) throw notFound('Job');
    return job;
  }

  /**
   * Compares every rollup level with the ledger (invariant 1).
   * @see docs/architecture.md#invariant-1
   */
  @Authenticated('admin', 'leadership')
  @ApiOkResponse({ type: InvariantsDto })
  @Get('invariants')
  @ApiOperation({ operationId: 'checkInvariants', summary: 'Compare every rollup with the ledger' })
  check(): Promise<InvariantsDto> {
    return this.invariants.check();
  }
}
