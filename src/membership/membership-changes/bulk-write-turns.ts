/**
 * How many bulk bodies one API process writes at a time. Each write holds its items'
 * column arrays, their PostgreSQL text and the answer's ids; four 10,000-item bodies at
 * once took the process past 300 MB. A request beyond the limit waits for its turn (it is
 * never refused), in arrival order.
 */
export const BULK_WRITES_AT_ONCE = 2;

export class BulkWriteTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit = BULK_WRITES_AT_ONCE) {}

  async take<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
