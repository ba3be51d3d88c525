import type { Schemas } from '../../platform/api/client';

type Change = Schemas['MembershipChangeDto'];
export type LossCauseKey = Schemas['LossCauseDto']['cause'];

/** Members lost by ledger rows: decreases are negative deltas, their reversals positive. */
export const lostBy = (rows: Change[]): number => -rows.reduce((sum, row) => sum + row.delta, 0);
