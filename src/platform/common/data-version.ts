/**
 * The version of everything reports read: aggregation_state.data_version, bumped by a
 * statement trigger whenever rollups, published figures, goals or structure change.
 * It is read as one more column of a query the request runs anyway (the guard's read
 * of the caller's row), so checking a cached report costs no round trip of its own.
 */
import { sql } from '../database/sql';

/** A select-list column reading the data version, to add to a query that runs anyway. */
export const DATA_VERSION_COLUMN = sql`(SELECT data_version FROM aggregation_state WHERE id = 1) AS "dataVersion"`;

/** A row read with DATA_VERSION_COLUMN. */
export interface WithDataVersion {
  dataVersion: string | null;
}

/** What a request carries once the version has been read (ReportCacheInterceptor keys on it). */
export interface DataVersionedRequest {
  dataVersion?: string;
}

/** Takes the version off a row read with DATA_VERSION_COLUMN, leaves it on the request and returns the rest. */
export function takeDataVersion<T extends WithDataVersion>(row: T, request: DataVersionedRequest): Omit<T, 'dataVersion'> {
  const { dataVersion, ...rest } = row;
  request.dataVersion = dataVersion ?? undefined;
  return rest;
}
