import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BACKUPS_QUEUE, BackupJob, BackupJobName } from '../queue/queues';
import { backUp } from './backup';

export interface NightlyBackupResult {
  file: string;
  bytes: number;
  sha256: string;
  /** Older backups retention deleted. */
  removed: string[];
}

/**
 * The nightly backup, as `npm run backup` does it: pg_dump into BACKUP_DIR with the
 * manifest, then retention. Registered only in workers that have BACKUP_DIR (see
 * backups.module.ts), so a worker without it never takes the job. A repeated run writes
 * one more backup and retention keeps the newest; nothing else changes.
 */
@Processor(BACKUPS_QUEUE, { concurrency: 1 })
export class NightlyBackupProcessor extends WorkerHost {
  private readonly logger = new Logger(NightlyBackupProcessor.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async process(job: Job): Promise<NightlyBackupResult> {
    const name = job.name as BackupJobName;
    switch (name) {
      case BackupJob.Nightly: {
        const dir = this.config.backupDir;
        if (!dir) throw new Error('BACKUP_DIR is not set on this worker');
        const { file, manifest, removed } = await backUp({ databaseUrl: this.config.databaseUrl, dir, keep: this.config.backupKeep });
        this.logger.log({ file, bytes: manifest.bytes, removed }, `nightly backup written: ${file}`);
        return { file, bytes: manifest.bytes, sha256: manifest.sha256, removed };
      }
      default:
        throw new Error(`unknown job ${String(name)}`);
    }
  }
}
