import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { firstDayOf } from '../../platform/time/months';

/**
 * Turns `:name` placeholders into PostgreSQL's `$n`, so report queries can be composed
 * from fragments and still send every value as a parameter (never spliced into SQL).
 * A `::type` cast is left alone; a placeholder without a value is a programming error.
 */
export function positional(text: string, params: Record<string, unknown>): [string, unknown[]] {
  const values: unknown[] = [];
  const numbers = new Map<string, number>();
  const sql = text.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`report SQL: no value for :${name}`);
    if (!numbers.has(name)) {
      values.push(params[name]);
      numbers.set(name, values.length);
    }
    return `$${numbers.get(name)}`;
  });
  return [sql, values];
}

/** The reports' access to the database: rollups and published figures only, never the ledger. */
@Injectable()
export class ReportDb {
  constructor(private readonly db: DataSource) {}

  rows<T>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const [sql, values] = positional(text, params);
    return this.db.query<T[]>(sql, values);
  }

  /** The time of the newest ledger change the rollups include. */
  async asOf(): Promise<Date | null> {
    const [state] = await this.rows<{ asOf: Date | null }>(`SELECT as_of AS "asOf" FROM aggregation_state WHERE id = 1`);
    return state?.asOf ?? null;
  }

  /** The closed months among `from`..`to` (YYYY-MM). */
  async closedMonths(from: string, to: string): Promise<string[]> {
    const rows = await this.rows<{ month: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month FROM closed_periods WHERE month BETWEEN :fromDay AND :toDay ORDER BY month`,
      { fromDay: firstDayOf(from), toDay: firstDayOf(to) },
    );
    return rows.map((r) => r.month);
  }
}
