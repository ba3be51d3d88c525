import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { BACKUPS_QUEUE, BackupJob, BACKUP_JOB_OPTIONS } from '../../src/platform/queue/queues';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

/** The next 02:00 in Tokyo (UTC+9, no summer time) after `now`: 17:00 UTC. */
function nextTwoAmInTokyo(now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 17);
  return today > now.getTime() ? today : today + 24 * 3600_000;
}

describe('the nightly backup in the worker', () => {
  let t: TestApp;
  let queue: Queue;
  let dir: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    t = await bootTestApp();
    queue = new Queue(BACKUPS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    dir = await mkdtemp(join(tmpdir(), 'rengo-nightly-'));
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await queue.obliterate({ force: true });
    await queue.close();
    await rm(dir, { recursive: true, force: true });
    await clearQueue(t);
    await t.close();
  });

  it('is not scheduled by a worker without BACKUP_DIR', async () => {
    const worker = await startWorker(t, 'no-backup-dir', { env: { BACKUP_DIR: '' } });
    try {
      expect(await queue.getJobSchedulers()).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it('is scheduled once, at 02:00 Asia/Tokyo, when two workers with BACKUP_DIR start', async () => {
    const env = { BACKUP_DIR: dir, BACKUP_KEEP: '3' };
    workers.push(...(await Promise.all([startWorker(t, 'worker-1', { env }), startWorker(t, 'worker-2', { env })])));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: 'nightly-backup', name: BackupJob.Nightly, pattern: '0 2 * * *', tz: 'Asia/Tokyo' })]);
    expect(schedulers[0].next).toBe(nextTwoAmInTokyo(new Date()));
    // one job waits for tonight, not one per worker
    expect(await queue.getJobCounts('delayed', 'waiting', 'active')).toEqual({ delayed: 1, waiting: 0, active: 0 });
    for (const worker of workers) expect(worker.output()).toContain('nightly backup at 02:00 Asia/Tokyo');
  });

  it('writes a backup with its manifest into BACKUP_DIR when the job runs', async () => {
    const events = new QueueEvents(BACKUPS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    try {
      await events.waitUntilReady();
      const job = await queue.add(BackupJob.Nightly, {}, BACKUP_JOB_OPTIONS);
      const result = await job.waitUntilFinished(events, 30_000);
      expect(result).toEqual({
        file: expect.stringMatching(/\.dump$/),
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        removed: [],
      });
      const files = (await readdir(dir)).sort();
      expect(files).toEqual([expect.stringMatching(/\.dump$/), expect.stringMatching(/\.manifest\.json$/)]);
      expect(join(dir, files[0])).toBe(result.file);
    } finally {
      await events.close();
    }
  });
});
