import { BulkWriteTurns } from './bulk-write-turns';

/** A promise with its resolver, so a test decides when each piece of work ends. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('BulkWriteTurns', () => {
  it('runs at most the limit at once and lets the others wait, in arrival order, without refusing any', async () => {
    const turns = new BulkWriteTurns(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const results = gates.map((g, i) =>
      turns.take(async () => {
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
    const turns = new BulkWriteTurns(1);
    await expect(turns.take(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(turns.take(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
