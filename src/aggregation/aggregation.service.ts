import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Applies the outbox to the rollups. All the arithmetic is in SQL functions
 * (migration CreateMembershipLedger): one batch = one transaction that claims
 * outbox rows with SKIP LOCKED, adds their sums to every rollup level and
 * deletes them, so a crash or a second worker can never count a change twice.
 */
@Injectable()
export class AggregationService {
  constructor(private readonly db: DataSource) {}

  /** Applies one batch; returns how many ledger rows it applied (0: the outbox is empty). */
  async applyBatch(limit = DEFAULT_BATCH_SIZE): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query('SELECT aggregation_apply_batch($1) AS applied', [limit]);
      return Number(row.applied);
    });
  }

  /** Applies batches until the outbox is empty; returns the total applied. */
  async drain(limit = DEFAULT_BATCH_SIZE): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.applyBatch(limit);
      if (applied === 0) return total;
      total += applied;
    }
  }

  /** Recomputes every rollup from the ledger in one transaction; returns the union-level row count. */
  async rebuild(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query('SELECT aggregation_rebuild() AS rows');
      return Number(row.rows);
    });
  }
}
