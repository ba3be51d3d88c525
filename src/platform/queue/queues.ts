import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue and job name of the service, in one place. */
export const AGGREGATION_QUEUE = 'aggregation';

export const AggregationJob = {
  /** "There is work in the outbox" (a doorbell: carries no data; coalesced by deduplication id). */
  Drain: 'drain',
  /** Periodic sweep that finds outbox rows whose doorbell was lost. */
  Sweep: 'sweep',
  /** Recompute every rollup from the ledger. */
  Rebuild: 'rebuild',
  /** Housekeeping: forget idempotency keys older than IDEMPOTENCY_KEY_DAYS (hourly). */
  ExpireIdempotencyKeys: 'expire-idempotency-keys',
} as const;
export type AggregationJobName = (typeof AggregationJob)[keyof typeof AggregationJob];

/** Spreadsheet imports: checking an uploaded file and committing a checked one. */
export const IMPORTS_QUEUE = 'imports';
export const ImportJob = {
  /** Read and check an uploaded file; its good rows go to staging. */
  Check: 'check',
  /** Apply a checked import to the ledger, all or nothing. */
  Commit: 'commit',
} as const;
export type ImportJobName = (typeof ImportJob)[keyof typeof ImportJob];

/** Id of the repeatable sweep (a BullMQ job scheduler): upserted by every worker at start. */
export const SWEEP_SCHEDULER_ID = 'aggregation-sweep';
export const SWEEP_EVERY_MS = 1000;
export const EXPIRY_SCHEDULER_ID = 'idempotency-key-expiry';
export const EXPIRY_EVERY_MS = 3600_000;
/** How long a client may retry a write with the same Idempotency-Key and get the first answer. */
export const IDEMPOTENCY_KEY_DAYS = 30;

const DAY_SECONDS = 24 * 3600;

/**
 * Retry and retention policy of every job, in one place.
 *  - drain: deduplicated while waiting; a ring while a drain is ACTIVE is kept and
 *    becomes one new drain when the active one finishes (keepLastIfActive), so a write
 *    that commits just after a drain's last look at the outbox never waits for the sweep.
 *  - sweep: one repeatable job; a failed one is simply run again a second later.
 *  - rebuild: kept a week, so GET /admin/jobs/:id can report on it; never retried on its own.
 */
export const JOB_OPTIONS: Record<AggregationJobName, JobsOptions> = {
  [AggregationJob.Drain]: {
    deduplication: { id: AggregationJob.Drain, keepLastIfActive: true },
    attempts: 3,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: true,
    removeOnFail: { age: DAY_SECONDS },
  },
  [AggregationJob.Sweep]: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: DAY_SECONDS },
  },
  [AggregationJob.Rebuild]: {
    attempts: 1,
    removeOnComplete: { age: 7 * DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
  [AggregationJob.ExpireIdempotencyKeys]: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: DAY_SECONDS },
  },
};

/** One job per import and step (job id `check-<id>`): a retried request never queues a second. */
export const IMPORT_JOB_OPTIONS: JobsOptions = { attempts: 1, removeOnComplete: { age: DAY_SECONDS }, removeOnFail: { age: 7 * DAY_SECONDS } };

/** Backups: the nightly pg_dump into BACKUP_DIR (src/platform/backups). */
export const BACKUPS_QUEUE = 'backups';
export const BackupJob = {
  /** Back the database up and apply retention; one a night, made by the job scheduler below. */
  Nightly: 'nightly-backup',
} as const;
export type BackupJobName = (typeof BackupJob)[keyof typeof BackupJob];

/**
 * Id of the nightly backup's job scheduler: every worker with BACKUP_DIR upserts the same
 * one at start, so there is one backup a night however many workers run.
 */
export const NIGHTLY_BACKUP_SCHEDULER_ID = 'nightly-backup';
export const NIGHTLY_BACKUP_AT = { pattern: '0 2 * * *', tz: 'Asia/Tokyo' } as const;

/** A failed backup is tried again twice, 5 and 10 minutes later; kept 30 days for the queue board. */
export const BACKUP_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5 * 60_000 },
  removeOnComplete: { age: 30 * DAY_SECONDS },
  removeOnFail: { age: 30 * DAY_SECONDS },
};
