import { NoTurn, Turns } from './turns';

/** A promise with its resolver, so a test decides when each piece of work ends. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Turns', () => {
  it('runs at most `running` at once and lets the others wait, in arrival order', async () => {
    const turns = new Turns({ running: 2, waiting: 8, maxWaitMs: 60_000, retryAfterSeconds: 5 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const results = gates.map((g, i) =>
      turns.run(async () => {
        started.push(i);
        await g.promise;
        return i * 10;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    await expect(Promise.all(results)).resolves.toEqual([0, 10, 20, 30]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('gives the turn on when a piece of work fails', async () => {
    const turns = new Turns({ running: 1, waiting: 1, maxWaitMs: 60_000, retryAfterSeconds: 5 });
    await expect(turns.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(turns.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses at once, with 503 and the Retry-After to send, when the line is full', async () => {
    const turns = new Turns({ running: 1, waiting: 1, maxWaitMs: 60_000, retryAfterSeconds: 7 });
    const first = gate();
    const running = turns.run(() => first.promise);
    const waiting = turns.run(async () => 'waited');
    const refused = turns.enter();
    await expect(refused).rejects.toBeInstanceOf(NoTurn);
    await expect(refused).rejects.toMatchObject({ status: 503, code: 'RETRY', retryAfterSeconds: 7 });
    first.open();
    await running;
    await expect(waiting).resolves.toBe('waited');
  });

  it('refuses a request that waited maxWaitMs, and the line moves on without it', async () => {
    jest.useFakeTimers();
    try {
      const turns = new Turns({ running: 1, waiting: 2, maxWaitMs: 1000, retryAfterSeconds: 5 });
      const leave = await turns.enter();
      const late = turns.enter();
      jest.advanceTimersByTime(1001);
      await expect(late).rejects.toBeInstanceOf(NoTurn);
      const next = turns.enter();
      leave();
      const leaveNext = await next;
      leaveNext();
      // leaving twice gives the turn back once: one may run again, not two
      leaveNext();
      await turns.enter();
      let second = false;
      void turns.enter().then(() => (second = true));
      await Promise.resolve();
      expect(second).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
