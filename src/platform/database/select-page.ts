import type { PageQuery } from '../common/http/pagination';
import { currentExportRun } from '../exports/export-run';
import { Queryable, Sql, query, sql } from './sql';

export interface PageStatement {
  /** The columns of a row of the page. */
  columns: Sql;
  /** FROM … of the rows; the count reads `countFrom` when the rows need joins the count does not. */
  from: Sql;
  countFrom?: Sql;
  where: Sql;
  orderBy: Sql;
}

/** One page of a list and the total it belongs to: the same conditions for both, read at once. */
export async function selectPage<T>(db: Queryable, statement: PageStatement, page: PageQuery): Promise<{ rows: T[]; total: number }> {
  const { columns, from, countFrom = from, where, orderBy } = statement;
  // an export reads every row, page after page, from one cursor (see ExportRun); the total is not needed
  const exporting = currentExportRun();
  if (exporting) return { rows: await exporting.nextPage<T>(sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy}`), total: -1 };
  const [rows, [{ total }]] = await Promise.all([
    query<T[]>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}`),
    query<{ total: number }[]>(db, sql`SELECT count(*)::int AS total FROM ${countFrom} WHERE ${where}`),
  ]);
  return { rows, total };
}
