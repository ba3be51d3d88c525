import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob, JOB_OPTIONS } from '../../platform/queue/queues';

/**
 * Tells the worker there is work in the outbox. Call after the transaction that
 * wrote the ledger has committed. The job carries no data and is deduplicated, so a
 * burst of writes coalesces into one waiting drain (see JOB_OPTIONS); if ringing fails
 * (Redis down), the periodic sweep finds the rows anyway, so the write still succeeds.
 */
@Injectable()
export class AggregationDoorbell {
  private readonly logger = new Logger(AggregationDoorbell.name);

  constructor(@InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue) {}

  async ring(): Promise<void> {
    try {
      await this.queue.add(AggregationJob.Drain, {}, JOB_OPTIONS[AggregationJob.Drain]);
    } catch (error) {
      this.logger.warn(`could not ring the aggregation doorbell: ${(error as Error).message}; the sweep will catch up`);
    }
  }
}
