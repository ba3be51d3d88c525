import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { query, sql } from '../../platform/database/sql';

export const DEFAULT_BATCH_SIZE = 5000;

/** Called between the steps of a rebuild with the share done (0-100) and the step's name. */
export type RebuildProgress = (percent: number, step: string) => Promise<void>;

/**
 * Applies the outbox to the rollups. All the arithmetic is in SQL functions, one file
 * each in ./sql (aggregation_apply_batch.sql, aggregation_rebuild_*.sql): one batch = one
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
      const [row] = await query<{ applied: number }[]>(manager, sql`SELECT aggregation_apply_batch(${limit}) AS applied`);
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
   * Recomputes every rollup from the ledger into new tables and swaps them in
   * (./sql/aggregation_rebuild_*.sql): reports read the old figures until the commit.
   * Connection A takes the outbox exclusively, so no ledger write or batch interleaves,
   * and builds the union level; meanwhile connection B derives the group levels from
   * the same ledger and commits them under names nothing reads; A swaps all three in
   * and commits. Returns the union-level row count.
   */
  async rebuild(progress: RebuildProgress = async () => undefined): Promise<number> {
    const a = this.db.createQueryRunner();
    const b = this.db.createQueryRunner();
    try {
      await a.connect();
      await b.connect();
      await a.startTransaction();
      try {
        await query(a, sql`SELECT aggregation_rebuild_begin()`);
        await progress(5, 'outbox locked');
        // both halves run to their end before anything is decided, so neither connection is
        // released mid-statement
        const [union, groups] = await Promise.allSettled([
          query<{ rows: string }[]>(a, sql`SELECT aggregation_rebuild_union_level_next() AS rows`),
          this.groupLevels(b).then(() => progress(50, 'federation, council, sector and total levels')),
        ]);
        if (union.status === 'rejected') throw union.reason;
        if (groups.status === 'rejected') throw groups.reason;
        await progress(90, 'union level');
        await query(a, sql`SELECT aggregation_rebuild_swap()`);
        await a.commitTransaction();
        await progress(100, 'committed');
        return Number(union.value[0].rows);
      } catch (error) {
        if (a.isTransactionActive) await a.rollbackTransaction();
        throw error;
      }
    } finally {
      await a.release();
      await b.release();
    }
  }

  /** Connection B's half: the group levels, committed as *_next tables. */
  private async groupLevels(b: QueryRunner): Promise<void> {
    await b.startTransaction();
    try {
      await query(b, sql`SELECT aggregation_rebuild_group_levels_next()`);
      await b.commitTransaction();
    } catch (error) {
      if (b.isTransactionActive) await b.rollbackTransaction();
      throw error;
    }
  }

  /** Deletes idempotency keys older than `days`; a retry after that writes again. Returns how many. */
  async expireIdempotencyKeys(days: number): Promise<number> {
    const [, deleted] = await query<[unknown[], number]>(this.db, sql`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => ${days})`);
    return Number(deleted);
  }

  /** Ledger rows written but not yet in the rollups. */
  async pending(): Promise<number> {
    const [row] = await query<{ n: number }[]>(this.db, sql`SELECT count(*)::int AS n FROM aggregation_outbox`);
    return row.n;
  }
}
