/** What a step found: whether it holds, and one line saying what it saw. */
export interface Outcome {
  ok: boolean;
  detail: string;
}

export interface StepRecord extends Outcome {
  name: string;
  seconds: number;
}

/**
 * The steps of a backup, a restore or a drill, run one after another, each timed and printed
 * as it ends: `✓ schema        0.41 s  equal to migrations/schema.sql`. A step that throws is
 * printed as failed and stops the run (the error goes on); one that returns ok: false is
 * printed as failed and the next step runs, so every check of a restore is reported.
 */
export class Steps {
  readonly done: StepRecord[] = [];
  /** Errors already printed as a failed step, which runCommand need not print again. */
  readonly reported = new WeakSet<object>();

  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  async run(name: string, work: () => Promise<Outcome>): Promise<boolean> {
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    let outcome: Outcome;
    try {
      outcome = await work();
    } catch (error) {
      this.record({ name, ok: false, seconds: seconds(), detail: error instanceof Error ? error.message : String(error) });
      if (error instanceof Object) this.reported.add(error);
      throw error;
    }
    this.record({ name, seconds: seconds(), ...outcome });
    return outcome.ok;
  }

  get ok(): boolean {
    return this.done.every((step) => step.ok);
  }

  get seconds(): number {
    return this.done.reduce((sum, step) => sum + step.seconds, 0);
  }

  private record(step: StepRecord): void {
    this.done.push(step);
    this.print(`  ${step.ok ? '✓' : '✗'} ${step.name.padEnd(14)} ${step.seconds.toFixed(2).padStart(7)} s  ${step.detail}`);
  }
}

/**
 * Ends a command-line run with exit code 0 when `main` says every step held, 1 when not; an
 * error that no step printed yet is printed as one clear line on stderr.
 */
export function runCommand(steps: Steps, main: () => Promise<boolean>): void {
  main().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      if (!(error instanceof Object && steps.reported.has(error))) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const thousands = (n: number): string => n.toLocaleString('en-US');
