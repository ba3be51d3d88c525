import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { periodDays } from './period-days';

type Change = Schemas['MembershipChangeDto'];
export type LossCauseKey = Schemas['LossCauseDto']['cause'];

const PAGE = 500;

/** Members lost by ledger rows: decreases are negative deltas, their reversals positive. */
export const lostBy = (rows: Change[]): number => -rows.reduce((sum, row) => sum + row.delta, 0);

/**
 * Every ledger row behind a union's loss in a month range: of one cause, or of every
 * decrease cause. All pages are read, so the rows sum to the report's figure.
 */
export const lossLedgerQuery = (q: { unionId: string; cause?: LossCauseKey; from: string; to: string }) =>
  queryOptions({
    queryKey: ['membership-changes', 'losses', q],
    queryFn: async (): Promise<Change[]> => {
      const days = periodDays(q.from, q.to);
      const filter = { unionId: q.unionId, ...days, ...(q.cause ? { cause: q.cause } : { causeKind: 'decrease' as const }) };
      const rows: Change[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(api.GET('/api/v1/membership-changes', { params: { query: { ...filter, limit: PAGE, offset } } }));
        rows.push(...page.items);
        if (page.items.length < PAGE || rows.length >= page.total) return rows;
      }
    },
  });
