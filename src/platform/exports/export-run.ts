import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { Sql, query, sql } from '../database/sql';

/** Rows read per page of an export: the largest page a list answers (PageQuery's maximum). */
export const EXPORT_PAGE_SIZE = 500;
const FETCH_PAGE = `FETCH FORWARD ${EXPORT_PAGE_SIZE} FROM export_rows`;

/**
 * One export of a list in progress. The export calls the list's own handler page after
 * page, so scope and filters are the route's; selectPage sees this run and, instead of
 * LIMIT/OFFSET, reads the next page from one cursor over the whole statement, opened on
 * the first page in a read-only REPEATABLE READ transaction. Every page thus comes from the
 * same snapshot (a change recorded meanwhile neither shifts rows nor is counted twice) and
 * no page costs more than the one before. Every exported list pages through selectPage:
 * the export refuses one whose rows did not come through here (see `reading`).
 */
export class ExportRun {
  private runner: QueryRunner | undefined;
  private statement: string | undefined;
  /** The rows the file will hold, counted in the same snapshot when the cursor opens (the audit trail records it). */
  rowCount: number | undefined;

  constructor(private readonly db: DataSource) {}

  /** Whether the list's rows come from this run's cursor (false until its first page is read). */
  get reading(): boolean {
    return this.runner !== undefined;
  }

  /** The next page of `statement`'s rows (the same statement on every call of one run). */
  async nextPage<T>(statement: Sql): Promise<T[]> {
    const runner = await this.open(statement);
    return (await runner.query(FETCH_PAGE)) as T[];
  }

  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }

  private async open(statement: Sql): Promise<QueryRunner> {
    const key = JSON.stringify(statement.texts);
    if (this.runner) {
      if (key !== this.statement) throw new Error('An export reads one list statement');
      return this.runner;
    }
    const runner = this.db.createQueryRunner();
    this.runner = runner;
    this.statement = key;
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    await query(runner, sql`SET TRANSACTION READ ONLY`);
    const [{ rows }] = await query<{ rows: number }[]>(runner, sql`SELECT count(*)::int AS rows FROM (${statement}) listed`);
    this.rowCount = rows;
    await query(runner, sql`DECLARE export_rows NO SCROLL CURSOR FOR ${statement}`);
    return runner;
  }
}

const running = new AsyncLocalStorage<ExportRun>();

/** Runs `work` (the list's handler) with `run` as the export in progress. */
export function withExportRun<T>(run: ExportRun, work: () => Promise<T>): Promise<T> {
  return running.run(run, work);
}

/** The export this call is part of, if any. */
export function currentExportRun(): ExportRun | undefined {
  return running.getStore();
}
