import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { AGGREGATION_QUEUE } from '../../src/platform/queue/queues';
import type { TestApp } from './test-app';

const root = join(__dirname, '..', '..');

/**
 * How a test runs the REAL worker (src/worker.ts) as its own process without a build
 * step or ts-node: `node --require scripts/register-ts.cjs src/worker.ts`, which loads
 * .ts files through the project's own TypeScript compiler in memory. dist/ is not
 * touched, and a kill -9 kills exactly the worker.
 */
const REGISTER_TS = join(root, 'scripts', 'register-ts.cjs');

export interface WorkerProcess {
  child: ChildProcess;
  /** Ledger rows this worker reported applying (from its JSON log lines). */
  applied(): number;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL: no shutdown hooks, open transactions left to PostgreSQL to roll back. */
  kill(): Promise<void>;
  /** SIGTERM and wait for it to end; resolves with the exit code, or the signal when Nest re-raised it after closing. */
  stop(): Promise<number | string | null>;
}

export interface WorkerOptions {
  /** Modules (.ts) loaded in the worker process before src/worker.ts. */
  preload?: string[];
  /** More environment for the worker process. */
  env?: Record<string, string>;
}

/** Starts a worker process against the test app's database and queue prefix; resolves once it is consuming. */
export async function startWorker(t: TestApp, name = 'worker', options: WorkerOptions = {}): Promise<WorkerProcess> {
  const preloads = (options.preload ?? []).flatMap((file) => ['--require', file]);
  const child = spawn(process.execPath, ['--require', REGISTER_TS, ...preloads, join(root, 'src', 'worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
      JWT_SECRET: t.config.jwtSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let applied = 0;
  let output = '';
  let buffered = '';
  // 'close', not 'exit': it comes after the child's output has all been read, so the last lines are in `output`
  const exited = new Promise<number | string | null>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal)));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // a last line without a newline is output too
  child.stdout?.on('end', () => (output += buffered));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output += `${line}\n`;
        const n = /"applied":(\d+)/.exec(line)?.[1];
        if (n) applied += Number(n);
        if (line.includes('worker started')) resolve();
      }
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before starting:\n${output.slice(-3000)}`)));
    setTimeout(() => reject(new Error(`${name} did not start within 30 s:\n${output.slice(-3000)}`)), 30_000).unref();
  });
  await started;
  return {
    child,
    applied: () => applied,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls until `condition` holds; fails the test with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** aggregation_state.data_version: what the report cache keys on. */
export async function dataVersion(t: TestApp): Promise<number> {
  const [row] = await t.db.query(`SELECT data_version::int AS v FROM aggregation_state WHERE id = 1`);
  return row.v;
}

export async function outboxSize(t: TestApp): Promise<number> {
  return (await t.db.query(`SELECT count(*)::int AS n FROM aggregation_outbox`))[0].n;
}

/** Removes the test's queue keys (jobs, the sweep scheduler) from Redis. */
export async function clearQueue(t: TestApp): Promise<void> {
  const queue = new Queue(AGGREGATION_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}
