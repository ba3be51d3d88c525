import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/**
 * Node's options in production's start script (package.json's `start:prod` or `start:worker`,
 * `exec node [options] dist/src/…`): the heap cap, so that a bench measures the memory production has.
 */
export function productionNodeOptions(which: 'api' | 'worker'): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = scripts[which === 'api' ? 'start:prod' : 'start:worker'].trim().split(/\s+/);
  if (words[0] === 'exec') words.shift();
  if (words[0] !== 'node' || !/^dist\/src\/\w+\.js$/.test(words[words.length - 1]))
    throw new Error(`package.json's start script for the ${which} is not "exec node [options] dist/src/….js"`);
  return words.slice(1, -1);
}

/** Starts the compiled API or worker (dist/) as its own process, as production runs it (with its start script's options). */
export function startProcess(which: 'api' | 'worker', env: Record<string, string>): ChildProcess {
  const entry = join(root, 'dist', 'src', which === 'api' ? 'main.js' : 'worker.js');
  const child = spawn(process.execPath, [...productionNodeOptions(which), entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

export async function waitForHealth(baseUrl: string, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`API at ${baseUrl} never became healthy`);
}

/** Peak resident set size of a live process, in MB (VmHWM). */
export function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
