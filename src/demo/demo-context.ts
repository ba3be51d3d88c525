import { EntityManager } from 'typeorm';

/** What the demo steps share: one transaction, and the ids of what earlier steps made. */
export interface DemoContext {
  manager: EntityManager;
  /** regional council code -> id */
  councils: Map<string, string>;
  /** federation code -> id */
  federations: Map<string, string>;
  /** role -> user id of the demo user with that role */
  users: Map<string, string>;
  /** Deterministic pseudo-random numbers, so every demo load is the same. */
  random: () => number;
}

/** mulberry32: a tiny seeded generator; the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
