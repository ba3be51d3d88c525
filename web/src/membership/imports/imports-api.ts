import { queryOptions } from '@tanstack/react-query';
import { csrfHeaders, type Schemas } from '../../platform/api/client';
import { ApiError, type ErrorBody } from '../../platform/api/errors';
import { isWorking, type ImportKind, type ImportState } from './import-kinds';
import type { Problem } from './problems';

/** An uploaded file and what became of it, as GET /imports/:id answers. */
export interface ImportRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  state: ImportState;
  progress: number;
  rowsRead: number;
  rowsValid: number;
  errorCount: number;
  errors: Problem[];
  summary: Record<string, number> | null;
  failure: string | null;
  createdAt: string;
  createdBy: string;
  committedAt: string | null;
  reversedAt: string | null;
  reversalReason: string | null;
}

export interface ImportsPage {
  items: ImportRecord[];
  total: number;
}

const IMPORTS = '/api/v1/imports';

/** One call to the imports API; an error answer becomes an ApiError like the typed client's. */
async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const unsafe = init.method !== undefined && init.method !== 'GET';
  const response = await fetch(path, { ...init, credentials: 'include', headers: { ...(unsafe ? csrfHeaders() : {}), ...init.headers } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, (body ?? { statusCode: response.status }) as ErrorBody);
  return body as T;
}

/** Sends the file (multipart: kind, then file) for the worker to check. */
export function uploadImport(kind: ImportKind, file: File): Promise<{ id: string; state: ImportState }> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return call(IMPORTS, { method: 'POST', body: form });
}

export function commitImport(id: string, idempotencyKey: string): Promise<{ id: string; state: ImportState }> {
  return call(`${IMPORTS}/${id}/commit`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } });
}

export function reverseImport(id: string, reason: string, idempotencyKey: string): Promise<unknown> {
  return call(`${IMPORTS}/${id}/reverse`, {
    method: 'POST',
    body: JSON.stringify({ reason }),
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
  });
}

/** One import, asked again every second while the worker checks or commits it. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: () => call<ImportRecord>(`${IMPORTS}/${id}`),
    refetchInterval: (query) => (query.state.data && !isWorking(query.state.data.state) ? false : 1000),
  });

/** The latest imports in the caller's scope (取込履歴). */
export const importHistoryQuery = queryOptions({
  queryKey: ['imports', 'history'],
  queryFn: () => call<ImportsPage>(`${IMPORTS}?limit=50`),
  refetchInterval: (query) => (query.state.data?.items.some((i) => isWorking(i.state)) ? 2000 : false),
});

/** The ledger entries an import wrote (GET /membership-changes?importId=). */
export const ledgerRowsQuery = (importId: string, limit: number) =>
  queryOptions({
    queryKey: ['membership-changes', 'import', importId, limit],
    queryFn: () => call<{ items: Schemas['MembershipChangeDto'][]; total: number }>(`/api/v1/membership-changes?importId=${importId}&limit=${limit}`),
  });

/** The template of a kind: Excel with drop-down lists and instructions, or the CSV header row. */
export function templateHref(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `${IMPORTS}/templates/${kind}${format === 'csv' ? '?format=csv' : ''}`;
}
