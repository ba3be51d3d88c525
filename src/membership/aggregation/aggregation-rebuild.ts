import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { AggregationJobs } from './aggregation.jobs';
import { RebuildAcceptedDto } from './dto/aggregation-jobs.dto';

/** What a rebuild recomputes from the ledger: every rollup level (live figures, members and causes). */
const REBUILT_LEVELS = ['union', 'federation', 'regional_council', 'sector', 'federation_council', 'total'] as const;

/**
 * An admin's request for a rebuild, with its audit event. It writes no row of its own (it
 * queues a job), so the event is its own statement, recorded once the job is queued.
 */
@Injectable()
export class AggregationRebuild {
  constructor(
    private readonly jobs: AggregationJobs,
    private readonly audit: AuditLog,
  ) {}

  /** The worker runs the rebuild; the event names the job, so its outcome can be looked up with GET /admin/jobs/:id. */
  async request(caller: CurrentUser): Promise<RebuildAcceptedDto> {
    const jobId = await this.jobs.requestRebuild(caller.id);
    await this.audit.recordAlone(caller, {
      action: 'aggregation.rebuilt',
      targetId: jobId,
      details: { jobId, rebuilt: 'every rollup from the ledger', levels: REBUILT_LEVELS },
    });
    return { jobId };
  }
}
