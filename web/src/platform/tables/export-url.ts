import type { paths } from '../../api/schema';

export type ExportFormat = 'xlsx' | 'csv';

type GetQuery<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/** The API paths whose GET answers `?format=` (read from the OpenAPI document, so a typo does not compile). */
export type ExportPath = {
  [P in keyof paths]: 'format' extends keyof GetQuery<P> ? P : never;
}[keyof paths];

/** A route's filters as the screen holds them; paging is the export's own business (it gives every row). */
export type ExportQuery<P extends ExportPath> = Omit<GetQuery<P>, 'format' | 'limit' | 'offset'>;

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * The URL of a report or list as a file: the same path and filters as the table on screen,
 * plus `format`. `{id}` in the path is filled from `params`. Empty filters are left out, as
 * the typed client leaves them out.
 */
export function exportUrl(path: string, query: Record<string, QueryValue>, format: ExportFormat, params: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`exportUrl: ${path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || name === 'format' || name === 'limit' || name === 'offset') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  search.set('format', format);
  return `${filled}?${search.toString()}`;
}

/** What a table on screen was read from: its route, filters and path parameters, so its file says the same. */
export interface ExportSource<P extends ExportPath = ExportPath> {
  path: P;
  query?: ExportQuery<P>;
  params?: Record<string, string>;
}

/**
 * A query's options with the source they read, for 「Excelで出力」: the buttons take the same
 * object that fetched the figures, so the file cannot be asked with other filters than the screen.
 */
export function withExport<O extends object, P extends ExportPath>(
  options: O,
  path: P,
  query?: ExportQuery<P>,
  params?: Record<string, string>,
): O & { source: ExportSource<P> } {
  return { ...options, source: { path, ...(query ? { query } : {}), ...(params ? { params } : {}) } };
}
