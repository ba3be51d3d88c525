/**
 * Assembles month-by-month figures per group from rollup rows, pure. Members at a month
 * end are the opening balance (everything before the range) plus the running net. For a
 * closed month the published copy is either shown (asPublished) or, when the live figure
 * has changed since the close, given beside it.
 */
export interface MonthFigures {
  increase: number;
  decrease: number;
  adjustment: number;
  net: number;
}

/** A live row: `month` null holds the sums of every month before the range. */
export interface LiveRow extends MonthFigures {
  key: string;
  month: string | null;
}

export interface PublishedRow extends MonthFigures {
  key: string;
  month: string;
  members: number;
}

export interface GrowthMonth extends MonthFigures {
  month: string;
  members: number;
  /** Set when a closed month's figures are the published ones (asPublished). */
  published?: true;
  /** Set beside the live figures when a closed month's figure changed since its close. */
  publishedMembers?: number;
  publishedNet?: number;
}

const ZERO: MonthFigures = { increase: 0, decrease: 0, adjustment: 0, net: 0 };

const figures = (row: MonthFigures | undefined): MonthFigures =>
  row ? { increase: row.increase, decrease: row.decrease, adjustment: row.adjustment, net: row.net } : { ...ZERO };

export function assembleGrowth(
  months: string[],
  live: LiveRow[],
  published: PublishedRow[],
  closed: Set<string>,
  asPublished: boolean,
): Map<string, GrowthMonth[]> {
  const keys = [...new Set([...live.map((r) => r.key), ...published.map((r) => r.key)])];
  const liveOf = new Map(live.map((r) => [`${r.key}|${r.month ?? ''}`, r]));
  const publishedOf = new Map(published.map((r) => [`${r.key}|${r.month}`, r]));
  const groups = new Map<string, GrowthMonth[]>();
  for (const key of keys) {
    let members = liveOf.get(`${key}|`)?.net ?? 0;
    groups.set(
      key,
      months.map((month) => {
        const now = figures(liveOf.get(`${key}|${month}`));
        members += now.net;
        if (!closed.has(month)) return { month, ...now, members };
        const row = publishedOf.get(`${key}|${month}`);
        const then = { ...figures(row), members: row?.members ?? 0 };
        if (asPublished) return { month, ...then, published: true };
        if (then.members === members && then.net === now.net) return { month, ...now, members };
        return { month, ...now, members, publishedMembers: then.members, publishedNet: then.net };
      }),
    );
  }
  return groups;
}
