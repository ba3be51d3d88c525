import type { CauseRow, Reading } from './rollup-reader';

export interface CauseFigures {
  closed: Set<string>;
  /** The live rollups' figures. */
  live: CauseRow[];
  /** The figures as published: closed months from their published copy, the others live. */
  asPublished: CauseRow[];
}

/** The month x cause figures live and as published, from the reader's two readings. Shared by the loss-cause and net-change reports. */
export function causeFigures(reading: Reading<CauseRow>, closed: string[]): CauseFigures {
  const closedSet = new Set(closed);
  return {
    closed: closedSet,
    live: reading.live,
    asPublished: [...reading.live.filter((r) => !closedSet.has(r.month)), ...reading.published],
  };
}

/** Sum of members per cause over the months `from`..`to` of the rows. */
export function sumByCause(rows: CauseRow[], from: string, to: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.month >= from && row.month <= to) sums.set(row.cause, (sums.get(row.cause) ?? 0) + row.members);
  }
  return sums;
}
