import { readFileSync, writeFileSync } from 'node:fs';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  } catch {
    // the process has gone
    return NaN;
  }
}

/** Resident memory of a live process now (VmRSS), in MB; NaN once it has exited. */
export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;

/** Samples one process's RSS every 50 ms until stopped; `stop()` answers the highest sample, in MB. */
export function sampleRss(pid: number): { stop: () => number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

/**
 * Peak resident memory of named processes, per stretch of a benchmark: `take()` answers each
 * process's peak since the previous take. The kernel's own peak (VmHWM, reset through
 * /proc/PID/clear_refs where allowed) catches what 50 ms sampling of VmRSS would miss; the
 * samples stand in where the reset is refused. A process restarted under the same name is
 * followed by its new pid.
 */
export class PeakRss {
  private readonly peaks = new Map<string, number>();
  /** Pids whose VmHWM was reset at the start of this stretch. */
  private readonly hwmCleared = new Set<number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: () => Record<string, number | undefined>) {
    this.restart();
    this.timer = setInterval(() => this.sample(), 50);
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids())) {
      if (pid === undefined) continue;
      const now = this.hwmCleared.has(pid) ? Math.max(rssMb(pid), statusKb(pid, 'VmHWM') / 1024) : rssMb(pid);
      if (!Number.isNaN(now)) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, now));
    }
  }

  private restart(): void {
    this.peaks.clear();
    this.hwmCleared.clear();
    for (const pid of Object.values(this.pids())) {
      if (pid === undefined) continue;
      try {
        // 5: reset the peak resident set size (Linux 4.0 and later)
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        this.hwmCleared.add(pid);
      } catch {
        // not allowed here: the samples of VmRSS count alone
      }
    }
    this.sample();
  }

  /** Peak MB of each process since the last take (NaN when it was not running), then starts a new stretch. */
  take(): Record<string, number> {
    this.sample();
    const peaks = Object.fromEntries(Object.keys(this.pids()).map((name) => [name, this.peaks.get(name) ?? NaN]));
    this.restart();
    return peaks;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
