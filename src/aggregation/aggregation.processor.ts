import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob } from '../queue/queues';
import { AggregationService } from './aggregation.service';

/** Registered only in the worker process. */
@Processor(AGGREGATION_QUEUE, { concurrency: 1 })
export class AggregationProcessor extends WorkerHost {
  private readonly logger = new Logger(AggregationProcessor.name);

  constructor(private readonly aggregation: AggregationService) {
    super();
  }

  async process(job: Job): Promise<{ applied?: number; rows?: number }> {
    switch (job.name) {
      case AggregationJob.Drain:
      case AggregationJob.Sweep: {
        const applied = await this.aggregation.drain();
        if (applied) this.logger.log(`applied ${applied} ledger rows`);
        return { applied };
      }
      case AggregationJob.Rebuild: {
        await job.updateProgress(1);
        const rows = await this.aggregation.rebuild();
        await job.updateProgress(100);
        return { rows };
      }
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
