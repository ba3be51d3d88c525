/** Every BullMQ queue and job name of the service, in one place. */
export const AGGREGATION_QUEUE = 'aggregation';

export const AggregationJob = {
  /** "There is work in the outbox" (a doorbell: carries no data; coalesced by job id). */
  Drain: 'drain',
  /** Periodic sweep that finds outbox rows whose doorbell was lost. */
  Sweep: 'sweep',
  /** Recompute every rollup from the ledger. */
  Rebuild: 'rebuild',
} as const;
