import { uuidV7Batch } from './uuid-v7';

describe('uuidV7Batch', () => {
  it('makes distinct version-7 UUIDs that carry the time and sort by it', () => {
    const earlier = uuidV7Batch(1000, Date.UTC(2026, 10, 23, 9, 0, 0));
    const later = uuidV7Batch(1000, Date.UTC(2026, 10, 23, 9, 0, 0, 1));
    for (const id of [...earlier, ...later]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set([...earlier, ...later]).size).toBe(2000);
    expect(parseInt(earlier[0].replace('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 9, 0, 0));
    const newestEarlier = [...earlier].sort().at(-1) as string;
    const oldestLater = [...later].sort()[0];
    expect(newestEarlier < oldestLater).toBe(true);
  });
});
