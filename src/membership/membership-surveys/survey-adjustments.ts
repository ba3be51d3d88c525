import { createHash } from 'node:crypto';
import { EmploymentType, Gender } from '../vocabulary';

export interface PairCount {
  employmentType: EmploymentType;
  gender: Gender;
  members: number;
}

const pairKey = (p: { employmentType: string; gender: string }): string => `${p.employmentType}/${p.gender}`;

/** Index of the first count that repeats an earlier pair, or -1. */
export function repeatedPair(counts: readonly PairCount[]): number {
  const seen = new Set<string>();
  return counts.findIndex((c) => {
    const key = pairKey(c);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

export const sortCounts = (counts: readonly PairCount[]): PairCount[] =>
  [...counts].map((c) => ({ employmentType: c.employmentType, gender: c.gender, members: c.members })).sort((a, b) => pairKey(a).localeCompare(pairKey(b)));

/** What makes two submissions the same survey: union, day and the non-zero counts (a listed 0 equals an omitted pair). */
export function surveyContentHash(unionId: string, surveyedOn: string, counts: readonly PairCount[]): string {
  const content = sortCounts(counts)
    .filter((c) => c.members !== 0)
    .map((c) => `${pairKey(c)}=${c.members}`);
  return createHash('sha256')
    .update(JSON.stringify([unionId.toLowerCase(), surveyedOn, content]))
    .digest('hex');
}

/**
 * The survey adjustment per pair: survey count minus ledger balance on the survey day,
 * over every pair that either side knows (a pair missing from the survey has 0
 * members); pairs that already agree get none.
 */
export function surveyAdjustments(counts: readonly PairCount[], balances: readonly PairCount[]): PairCount[] {
  const pairs = new Map<string, PairCount>();
  for (const b of balances) pairs.set(pairKey(b), { employmentType: b.employmentType, gender: b.gender, members: -b.members });
  for (const c of counts) {
    const key = pairKey(c);
    const current = pairs.get(key);
    pairs.set(key, { employmentType: c.employmentType, gender: c.gender, members: (current?.members ?? 0) + c.members });
  }
  return sortCounts([...pairs.values()].filter((p) => p.members !== 0));
}
