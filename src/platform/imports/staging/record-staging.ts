import type { PoolClient } from 'pg';

/** A good row of a kind that creates records: the API body it stands for, resolved to ids and codes. */
export interface StagedRecord {
  rowNumber: number;
  record: Record<string, unknown>;
}

const BATCH = 500;

/**
 * Writes checked rows of a kind that creates records (unions, prospects) into import_records, a batch of rows per
 * INSERT, on the check's connection and transaction.
 */
export class RecordStaging {
  private batch: StagedRecord[] = [];

  constructor(
    private readonly client: PoolClient,
    private readonly importId: string,
  ) {}

  async write(row: StagedRecord): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= BATCH) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  /** Nothing is pending on the connection between writes; the transaction's rollback discards what was written. */
  async abort(): Promise<void> {
    this.batch = [];
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    await this.client.query(
      `INSERT INTO import_records (import_id, row_number, record)
       SELECT $1, r.row_number, r.record FROM unnest($2::int[], $3::jsonb[]) AS r (row_number, record)`,
      [this.importId, rows.map((r) => r.rowNumber), rows.map((r) => JSON.stringify(r.record))],
    );
  }
}

/** The records' kinds count their good rows only. */
export const countRows = () => ({ add: (): void => undefined, summary: (rows: number) => ({ rows }) });
export const recordStaging = (client: PoolClient, importId: string): RecordStaging => new RecordStaging(client, importId);
