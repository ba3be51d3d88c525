import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BACKUPS_QUEUE, BACKUP_JOB_OPTIONS, BackupJob, NIGHTLY_BACKUP_AT, NIGHTLY_BACKUP_SCHEDULER_ID } from '../queue/queues';

/**
 * At start, a worker with BACKUP_DIR upserts the one job scheduler of the nightly backup
 * (02:00 Asia/Tokyo). Upserting the same id is idempotent, and a scheduler makes one job
 * per night, so however many workers start there is one backup a night, taken by one of them.
 */
@Injectable()
export class NightlyBackupSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(NightlyBackupSchedule.name);

  constructor(
    @InjectQueue(BACKUPS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(NIGHTLY_BACKUP_SCHEDULER_ID, NIGHTLY_BACKUP_AT, {
      name: BackupJob.Nightly,
      data: {},
      opts: BACKUP_JOB_OPTIONS,
    });
    this.logger.log(`nightly backup at 02:00 Asia/Tokyo into ${this.config.backupDir}, the newest ${this.config.backupKeep} kept`);
  }
}
