import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  AGGREGATION_QUEUE,
  AggregationJob,
  EXPIRY_EVERY_MS,
  EXPIRY_SCHEDULER_ID,
  JOB_OPTIONS,
  SWEEP_EVERY_MS,
  SWEEP_SCHEDULER_ID,
} from '../../platform/queue/queues';

/**
 * Worker side: the queue is a doorbell, not the record, so doorbells may be lost
 * (Redis restarted) without losing work. At start, every worker upserts the one
 * repeatable sweep (idempotent: one scheduler however many workers) and queues one
 * sweep at once, which finds whatever the outbox holds. It also schedules the hourly
 * expiry of old idempotency keys.
 */
@Injectable()
export class AggregationSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(AggregationSweep.name);

  constructor(@InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: SWEEP_EVERY_MS },
      { name: AggregationJob.Sweep, data: {}, opts: JOB_OPTIONS[AggregationJob.Sweep] },
    );
    await this.queue.upsertJobScheduler(
      EXPIRY_SCHEDULER_ID,
      { every: EXPIRY_EVERY_MS },
      { name: AggregationJob.ExpireIdempotencyKeys, data: {}, opts: JOB_OPTIONS[AggregationJob.ExpireIdempotencyKeys] },
    );
    await this.queue.add(AggregationJob.Sweep, {}, JOB_OPTIONS[AggregationJob.Sweep]);
    this.logger.log(`sweeping the outbox at start and every ${SWEEP_EVERY_MS} ms`);
  }
}
