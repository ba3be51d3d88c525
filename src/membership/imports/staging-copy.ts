import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedRow } from './ledger-rows';

/** A value in COPY's text format: \N for NULL, backslash and control characters escaped. */
const copyValue = (value: string | number | null): string =>
  value === null ? '\\N' : String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/**
 * Writes checked rows into import_rows through COPY (the fastest way into PostgreSQL), on
 * the caller's connection and transaction, honouring back-pressure so memory stays flat.
 */
export class StagingCopy {
  private constructor(
    private readonly stream: Writable,
    private readonly done: Promise<unknown>,
    private readonly importId: string,
  ) {}

  static open(client: PoolClient, importId: string): StagingCopy {
    const stream = client.query(
      copyFrom('COPY import_rows (import_id, row_number, union_id, effective_on, delta, members, cause, employment_type, gender, note) FROM STDIN'),
    );
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // a failed COPY is reported by finish(); keep it from being an unhandled rejection meanwhile
    done.catch(() => undefined);
    return new StagingCopy(stream, done, importId);
  }

  async write(row: StagedRow): Promise<void> {
    const line = [this.importId, row.rowNumber, row.unionId, row.effectiveOn, row.delta, row.members, row.cause, row.employmentType, row.gender, row.note]
      .map(copyValue)
      .join('\t');
    if (!this.stream.write(`${line}\n`)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  /** Ends the COPY with an error (CopyFail), so the connection can roll back; nothing is staged. */
  async abort(): Promise<void> {
    this.stream.destroy(new Error('import check stopped'));
    await this.done.catch(() => undefined);
  }

  async finish(): Promise<void> {
    this.stream.end();
    await this.done;
  }
}
