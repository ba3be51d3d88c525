import { Injectable } from '@nestjs/common';
import { AggregationJobs } from '../../membership/aggregation/aggregation.jobs';
import { AuditLog } from '../audit/audit-log';
import type { CurrentUser } from '../common/auth/roles';
import { RebuildAcceptedDto } from './dto/admin-jobs.dto';

/** What a rebuild recomputes from the ledger: every rollup level (live figures, members and causes). */
const REBUILT_LEVELS = ['union', 'federation', 'regional_council', 'sector', 'federation_council', 'total'] as const;

/**
 * The admin's operations that change something, each with its audit event. Neither writes a
 * row of its own (one queues a job, one sets a cookie), so the event is its own statement,
 * recorded once the operation has been accepted.
 */
@Injectable()
export class AdminOperations {
  constructor(
    private readonly jobs: AggregationJobs,
    private readonly audit: AuditLog,
  ) {}

  /** The worker runs the rebuild; the event names the job, so its outcome can be looked up with GET /admin/jobs/:id. */
  async rebuild(caller: CurrentUser): Promise<RebuildAcceptedDto> {
    const jobId = await this.jobs.requestRebuild(caller.id);
    await this.audit.recordAlone(caller, {
      action: 'aggregation.rebuilt',
      targetId: jobId,
      details: { jobId, rebuilt: 'every rollup from the ledger', levels: REBUILT_LEVELS },
    });
    return { jobId };
  }

  openedQueueBoard(caller: CurrentUser): Promise<void> {
    return this.audit.recordAlone(caller, { action: 'queue_board.opened' });
  }
}
