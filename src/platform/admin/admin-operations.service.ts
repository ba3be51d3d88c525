import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log';
import type { CurrentUser } from '../common/auth/roles';

/**
 * The admin's operations on the platform, each with its audit event (the aggregation's
 * rebuild is membership's: membership/aggregation). Opening the queue board writes no row
 * of its own (it sets a cookie), so the event is its own statement.
 */
@Injectable()
export class AdminOperations {
  constructor(private readonly audit: AuditLog) {}

  openedQueueBoard(caller: CurrentUser): Promise<void> {
    return this.audit.recordAlone(caller, { action: 'queue_board.opened' });
  }
}
