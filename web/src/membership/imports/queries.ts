import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { changeKeys } from '../members/queries';
import { isWorking, type ImportKind } from './import-kinds';

/** The cache keys of imports: one import, and the history (取込履歴) of the caller's scope. */
export const importKeys = {
  all: ['imports'] as const,
  one: (id: string) => ['imports', id] as const,
  history: ['imports', 'history'] as const,
};

/** An uploaded file and what became of it, as GET /imports/:id answers. */
export type ImportRecord = Schemas['ImportDto'];

type UploadBody = { kind: ImportKind; file: string };

/** Sends the file (multipart: kind, then file) for the worker to check; the client sends FormData as it is, with the CSRF header. */
export function uploadImport(kind: ImportKind, file: File) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return unwrap(api.POST('/api/v1/imports', { body: form as unknown as UploadBody }));
}

export function commitImport(id: string, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/imports/{id}/commit', { params: { path: { id } }, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function reverseImport(id: string, reason: string, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/imports/{id}/reverse', { params: { path: { id } }, body: { reason }, headers: { 'Idempotency-Key': idempotencyKey } }));
}

/** One import, asked again every second while the worker checks or commits it. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: importKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && !isWorking(query.state.data.state) ? false : 1000),
  });

/** The latest imports in the caller's scope (取込履歴), asked again while one is being worked on. */
export const importHistoryQuery = queryOptions({
  queryKey: importKeys.history,
  queryFn: () => unwrap(api.GET('/api/v1/imports', { params: { query: { limit: 50 } } })),
  refetchInterval: (query) => (query.state.data?.items.some((i) => isWorking(i.state)) ? 2000 : false),
});

/** The ledger entries an import wrote, and their reversals. */
export const ledgerRowsQuery = (importId: string, limit: number) =>
  queryOptions({
    queryKey: changeKeys.ofImport(importId, limit),
    queryFn: () => unwrap(api.GET('/api/v1/membership-changes', { params: { query: { importId, limit } } })),
  });

/** The template of a kind: Excel with drop-down lists and instructions, or the CSV header row (a plain link: the session cookie goes along). */
export function templateHref(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `/api/v1/imports/templates/${kind}${format === 'csv' ? '?format=csv' : ''}`;
}
