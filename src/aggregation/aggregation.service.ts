import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const DEFAULT_BATCH_SIZE = 5000;

/** Called between the steps of a rebuild with the share done (0-100) and the step's name. */
export type RebuildProgress = (percent: number, step: string) => Promise<void>;

/**
 * Applies the outbox to the rollups. All the arithmetic is in SQL functions
 * (migrations CreateMembershipLedger, StepwiseAggregationRebuild): one batch = one
 * transaction that claims outbox rows with SKIP LOCKED, adds their sums to every
 * rollup level and deletes them, so a crash or a second worker can never count a
 * change twice.
 */
@Injectable()
export class AggregationService {
  constructor(private readonly db: DataSource) {}

  /** Applies one batch; returns how many ledger rows it applied (0: nothing left to claim). */
  async applyBatch(limit = DEFAULT_BATCH_SIZE): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query('SELECT aggregation_apply_batch($1) AS applied', [limit]);
      return Number(row.applied);
    });
  }

  /**
   * Applies batches until the outbox is empty (or `stop()` says so between batches,
   * as on shutdown); returns the total applied.
   */
  async drain(limit = DEFAULT_BATCH_SIZE, stop: () => boolean = () => false): Promise<number> {
    let total = 0;
    while (!stop()) {
      const applied = await this.applyBatch(limit);
      if (applied === 0) break;
      total += applied;
    }
    return total;
  }

  /**
   * Recomputes every rollup from the ledger: the steps run in ONE transaction that holds
   * the outbox exclusively from the first step to the commit (each step function takes
   * the lock itself), so no batch or ledger write interleaves. Returns the union-level
   * row count.
   */
  async rebuild(progress: RebuildProgress = async () => undefined): Promise<number> {
    const rows = await this.db.transaction(async (manager) => {
      await manager.query('SELECT aggregation_rebuild_begin()');
      await progress(10, 'outbox locked, rollups cleared');
      const [union] = await manager.query('SELECT aggregation_rebuild_union_level() AS rows');
      await progress(70, 'union level');
      await manager.query('SELECT aggregation_rebuild_group_levels()');
      await progress(95, 'federation, council, sector and total levels');
      await manager.query('SELECT aggregation_rebuild_finish()');
      return Number(union.rows);
    });
    await progress(100, 'committed');
    return rows;
  }

  /** Deletes idempotency keys older than `days`; a retry after that writes again. Returns how many. */
  async expireIdempotencyKeys(days: number): Promise<number> {
    const [, deleted] = await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1)`, [days]);
    return Number(deleted);
  }

  /** Ledger rows written but not yet in the rollups. */
  async pending(): Promise<number> {
    const [row] = await this.db.query('SELECT count(*)::int AS n FROM aggregation_outbox');
    return row.n;
  }
}
