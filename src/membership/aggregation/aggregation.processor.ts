import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob, AggregationJobName, IDEMPOTENCY_KEY_DAYS } from '../../platform/queue/queues';
import { AggregationService, DEFAULT_BATCH_SIZE } from './aggregation.service';

/**
 * Registered only in the worker process. Drain and sweep apply the outbox until it is
 * empty; rebuild recomputes the rollups and reports its progress on the job. Every
 * handler recomputes from the database, so a doubled or retried job changes nothing.
 */
@Processor(AGGREGATION_QUEUE, { concurrency: 1 })
export class AggregationProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AggregationProcessor.name);
  private stopping = false;

  constructor(private readonly aggregation: AggregationService) {
    super();
  }

  async process(job: Job): Promise<{ applied?: number; rows?: number; expired?: number }> {
    const name = job.name as AggregationJobName;
    switch (name) {
      case AggregationJob.Drain:
      case AggregationJob.Sweep: {
        const applied = await this.aggregation.drain(DEFAULT_BATCH_SIZE, () => this.stopping);
        if (applied) this.logger.log({ applied, job: name }, `applied ${applied} ledger rows`);
        return { applied };
      }
      case AggregationJob.Rebuild: {
        const rows = await this.aggregation.rebuild(async (percent, step) => {
          // progress is for people watching; losing it must not undo the rebuild
          await job.updateProgress(percent).catch((error: Error) => this.logger.warn(`progress not saved: ${error.message}`));
          this.logger.log(`rebuild ${job.id}: ${percent}% (${step})`);
        });
        this.logger.log(`rebuild ${job.id}: ${rows} union-level rows`);
        return { rows };
      }
      case AggregationJob.ExpireIdempotencyKeys:
        return { expired: await this.aggregation.expireIdempotencyKeys(IDEMPOTENCY_KEY_DAYS) };
      default:
        throw new Error(`unknown job ${String(name)}`);
    }
  }

  /**
   * Stop taking jobs and let the running one finish (a drain stops after its current
   * batch) before the queues and the database pool close.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker.close();
    this.logger.log('queue worker closed');
  }
}
