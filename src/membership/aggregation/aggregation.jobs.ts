import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AGGREGATION_QUEUE, AggregationJob, JOB_OPTIONS } from '../../platform/queue/queues';

/** A queue job as the admin API shows it. */
export interface JobView {
  id: string;
  name: string;
  state: string;
  progress: unknown;
  result?: unknown;
  failedReason?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

const iso = (ms: number | undefined): string | undefined => (ms ? new Date(ms).toISOString() : undefined);

/** Asks the worker for long-running aggregation work and reports on it. */
@Injectable()
export class AggregationJobs {
  constructor(@InjectQueue(AGGREGATION_QUEUE) private readonly queue: Queue) {}

  /** Queues a full rebuild; returns its job id. */
  async requestRebuild(requestedBy: string): Promise<string> {
    const job = await this.queue.add(AggregationJob.Rebuild, { requestedBy }, JOB_OPTIONS[AggregationJob.Rebuild]);
    return job.id as string;
  }

  /** Any job of the aggregation queue by id, or null when unknown (or already removed). */
  async find(id: string): Promise<JobView | null> {
    // the state first, then the job: a job that ends between the two reads is then seen
    // as still running, never as ended without its result
    const state = await this.queue.getJobState(id);
    if (state === 'unknown') return null;
    const job = await this.queue.getJob(id);
    if (!job) return null;
    return {
      id: job.id as string,
      name: job.name,
      state,
      progress: job.progress,
      ...(job.returnvalue !== undefined && job.returnvalue !== null ? { result: job.returnvalue } : {}),
      ...(job.failedReason ? { failedReason: job.failedReason } : {}),
      createdAt: iso(job.timestamp) as string,
      ...(job.processedOn ? { startedAt: iso(job.processedOn) } : {}),
      ...(job.finishedOn ? { finishedAt: iso(job.finishedOn) } : {}),
    };
  }
}
