import { BullModule } from '@nestjs/bullmq';
import { Module, Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { BACKUPS_QUEUE } from '../queue/queues';
import { NightlyBackupProcessor } from './nightly-backup.processor';
import { NightlyBackupSchedule } from './nightly-backup.schedule';

/** The worker's side of backups: the queue of the nightly backup (the providers are registered in WorkerModule). */
@Module({
  imports: [BullModule.registerQueue({ name: BACKUPS_QUEUE })],
  exports: [BullModule],
})
export class BackupsWorkModule {}

/**
 * The nightly backup's processor and schedule, for a worker with BACKUP_DIR only: a worker
 * without it neither schedules the backup nor takes the job, so the job always lands on a
 * worker that can write it. (Turning the backup off: unset BACKUP_DIR on every worker; the
 * scheduler left in Redis then holds one waiting job that no worker takes.)
 */
export const nightlyBackupProviders = (config: AppConfig): Provider[] => (config.backupDir ? [NightlyBackupProcessor, NightlyBackupSchedule] : []);
