import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { IMPORTS_QUEUE, ImportJob, ImportJobName } from '../queue/queues';
import { ImportCheck } from './staging/import-check';
import { ImportCommit } from './commit/import-commit';
import type { ImportJobData } from './import-events';

/**
 * Registered only in the worker. Each job names one import; each handler looks at the
 * import's state first, so a repeated job finds nothing left to do.
 */
@Processor(IMPORTS_QUEUE, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  constructor(
    private readonly check: ImportCheck,
    private readonly commit: ImportCommit,
  ) {
    super();
  }

  async process(job: Job<ImportJobData>): Promise<void> {
    const name = job.name as ImportJobName;
    switch (name) {
      case ImportJob.Check:
        return this.check.run(job.data.importId);
      case ImportJob.Commit:
        return this.commit.run(job.data.importId, job.data.requestedBy);
      default:
        throw new Error(`unknown job ${String(name)}`);
    }
  }
}
