import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { query, sql } from '../../database/sql';
import { Clock } from '../../time/clock';
import { ImportScopeIds } from '../import-access';
import { ImportKind, ImportKindName, ImportKinds, Staged, Staging, Summary } from '../import-kinds';
import { cellText } from '../reading/cell-values';
import { SheetReader, openSheet } from '../reading/file-reading';
import { SpreadsheetRefused, boundedProblem } from '../reading/spreadsheet-limits';
import { uploadPath } from '../reading/upload-storage';
import { expectedHeaders, readHeader } from './import-columns';
import { RowChecker, RowError } from './row-checks';
import { templateExampleProblem } from './template-example';

/** Data rows a file may hold (the header not counted). */
export const MAX_DATA_ROWS = 1_000_000;
/** Problems kept on the import (the database checks this cap too); the count is kept whole. */
export const MAX_KEPT_ERRORS = 1000;
const PROGRESS_EVERY_ROWS = 5000;

/** What the check learned, as `summary` of the import. */
class Tally {
  rowsRead = 0;
  rowsValid = 0;
  errorCount = 0;
  readonly errors: RowError[] = [];

  constructor(private readonly kinds: Summary<Staged>) {}

  add(staged: Staged | null, errors: RowError[]): void {
    this.rowsRead++;
    this.errorCount += errors.length;
    this.errors.push(...errors.slice(0, MAX_KEPT_ERRORS - this.errors.length).map(boundedProblem));
    if (!staged) return;
    this.rowsValid++;
    this.kinds.add(staged);
  }

  summary(): Record<string, number> {
    return this.kinds.summary(this.rowsValid);
  }
}

class Rejected extends Error {
  readonly errors: RowError[];
  constructor(errors: RowError[]) {
    super('rejected');
    this.errors = errors.slice(0, MAX_KEPT_ERRORS).map(boundedProblem);
  }
}

/**
 * The worker's check of an uploaded file: reads it row by row (streamed), checks every
 * row, and COPYs the good ones into import_rows in one transaction that commits only when
 * the whole file is clean. Progress and counts are written as it goes, on another
 * connection, so GET /imports/:id shows them. The file is removed at the end.
 */
@Injectable()
export class ImportCheck {
  private readonly logger = new Logger(ImportCheck.name);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kinds: ImportKinds,
  ) {}

  async run(importId: string): Promise<void> {
    // an UPDATE answers [rows, affected]
    const [[entry]] = await query<[(({ kind: ImportKindName; file_size: string } & ImportScopeIds) | undefined)[], number]>(
      this.db,
      sql`UPDATE imports SET state = 'checking' WHERE id = ${importId} AND state IN ('queued', 'checking')
          RETURNING kind, file_size, scope_federation_id AS "federationId", scope_regional_council_id AS "regionalCouncilId"`,
    );
    if (!entry) return;
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const kind = this.kinds.get(entry.kind);
    const tally = new Tally(kind.summary());
    try {
      await runner.startTransaction();
      await this.read(importId, kind, Number(entry.file_size), { federationId: entry.federationId, regionalCouncilId: entry.regionalCouncilId }, client, tally);
      if (tally.errorCount > 0) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      await this.finish(importId, 'checked', tally, tally.errors, tally.summary());
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      if (!(error instanceof Rejected) && !(error instanceof SpreadsheetRefused))
        this.logger.warn({ importId, err: error }, `import ${importId}: file not readable`);
      const errors =
        error instanceof Rejected
          ? error.errors
          : error instanceof SpreadsheetRefused
            ? [{ row: error.row, column: '', value: '', code: error.code, message: error.message }]
            : [unreadable(kind)];
      await this.finish(importId, 'rejected', tally, errors, null);
    } finally {
      await runner.release();
      await rm(uploadPath(this.config, importId), { force: true });
    }
  }

  private async read(importId: string, kind: ImportKind, size: number, scope: ImportScopeIds, client: PoolClient, tally: Tally): Promise<void> {
    const sheet = await openSheet(uploadPath(this.config, importId));
    const checker = await kind.checker({ db: this.db, scope, today: this.clock.today() });
    const copy = kind.staging(client, importId);
    try {
      await this.readRows(kind, sheet, checker, copy, importId, size, tally);
      await copy.finish();
    } catch (error) {
      // the COPY must end before the transaction can roll back
      await copy.abort();
      throw error;
    }
  }

  private async readRows(
    kind: ImportKind,
    sheet: SheetReader,
    checker: RowChecker<Staged>,
    copy: Staging<Staged>,
    importId: string,
    size: number,
    tally: Tally,
  ): Promise<void> {
    let fields: (string | null)[] | null = null;
    for await (const row of sheet.rows) {
      if (fields === null) {
        const header = readHeader(kind, row.cells);
        if (header.problems.length) throw new Rejected(header.problems.map((p) => ({ row: row.number, ...p })));
        fields = header.fields;
        continue;
      }
      const values: Record<string, unknown> = {};
      fields.forEach((field, i) => field && (values[field] = row.cells[i]));
      if (row.cells.every((cell) => cellText(cell) === '')) continue;
      if (tally.rowsRead >= MAX_DATA_ROWS) {
        throw new Rejected([
          {
            row: row.number,
            column: '',
            value: '',
            code: 'TOO_MANY_ROWS',
            message: `データ行は${MAX_DATA_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください。見出しは ${expectedHeaders(kind)} です`,
          },
        ]);
      }
      const example = templateExampleProblem(kind, row.number, values);
      const { staged, errors } = example ? { staged: null, errors: [example] } : checker.check(row.number, values);
      tally.add(staged, errors);
      if (staged && tally.errorCount === 0) await copy.write(staged);
      if (tally.rowsRead % PROGRESS_EVERY_ROWS === 0) await this.progress(importId, Math.min(99, Math.floor((sheet.bytesRead() / size) * 100)), tally);
    }
    if (fields === null)
      throw new Rejected([
        { row: 1, column: '', value: '', code: 'HEADER_ROW_MISSING', message: `見出しの行がありません。見出しは ${expectedHeaders(kind)} です` },
      ]);
  }

  private async progress(importId: string, percent: number, tally: Tally): Promise<void> {
    await query(this.db, sql`UPDATE imports SET progress = ${percent}, rows_read = ${tally.rowsRead}, rows_valid = ${tally.rowsValid} WHERE id = ${importId}`);
  }

  private async finish(importId: string, state: 'checked' | 'rejected', tally: Tally, errors: RowError[], summary: object | null): Promise<void> {
    await query(
      this.db,
      sql`UPDATE imports SET state = ${state}, progress = 100, rows_read = ${tally.rowsRead}, rows_valid = ${tally.rowsValid},
                 error_count = ${Math.max(tally.errorCount, errors.length)}, errors = ${JSON.stringify(errors.slice(0, MAX_KEPT_ERRORS))},
                 summary = ${summary === null ? null : JSON.stringify(summary)}
          WHERE id = ${importId}`,
    );
  }
}

const unreadable = (kind: ImportKind): RowError => ({
  row: 1,
  column: '',
  value: '',
  code: 'FILE_UNREADABLE',
  message: `ファイルを読めませんでした。Excel（.xlsx）または CSV（UTF-8 または Shift_JIS）で、1行目に見出し ${expectedHeaders(kind)} を置いてください`,
});
