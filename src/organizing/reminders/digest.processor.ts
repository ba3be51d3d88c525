import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Job, JobsOptions, Queue } from 'bullmq';
import { DigestRunResultDto } from './dto/reminders.dto';
import { DigestModule } from './reminders.module';
import { DigestService, tokyoDayAndHour } from './digest.service';

export const REMINDERS_QUEUE = 'reminders';
export const DIGEST_JOB = 'morning-digest';
/** One job scheduler, upserted by every worker at start: one job an hour however many workers run. */
export const DIGEST_SCHEDULER_ID = 'morning-digest';
export const DIGEST_EVERY_HOUR = { pattern: '0 * * * *', tz: 'Asia/Tokyo' } as const;

/** A failed run is tried again twice (its sends are claimed, so a retry never doubles one). */
export const DIGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** What a job may say (an operator's or a test's job); the scheduler's jobs carry nothing and run the hour they fire in. */
export interface DigestJobData {
  day?: string;
  hour?: number;
}

@Processor(REMINDERS_QUEUE, { concurrency: 1 })
export class DigestProcessor extends WorkerHost {
  constructor(private readonly digests: DigestService) {
    super();
  }

  async process(job: Job<DigestJobData>): Promise<DigestRunResultDto> {
    if (job.name !== DIGEST_JOB) throw new Error(`unknown job ${job.name}`);
    // the hour the job was due in (a job taken a little late still runs its own hour)
    const due = tokyoDayAndHour(new Date(job.timestamp + (job.delay ?? 0)));
    return this.digests.run(job.data.day ?? due.day, job.data.hour ?? due.hour);
  }
}

@Injectable()
export class DigestSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestSchedule.name);

  constructor(@InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(DIGEST_SCHEDULER_ID, DIGEST_EVERY_HOUR, { name: DIGEST_JOB, data: {}, opts: DIGEST_JOB_OPTIONS });
    this.logger.log('morning reminders every hour on the hour (Asia/Tokyo)');
  }
}

/** The worker's side of the reminders: the queue, the hourly schedule and its processor. */
@Module({
  imports: [DigestModule, BullModule.registerQueue({ name: REMINDERS_QUEUE })],
  providers: [DigestProcessor, DigestSchedule],
})
export class RemindersWorkModule {}
