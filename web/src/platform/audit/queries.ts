import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { withExport } from '../tables/export-url';
import type { AuditAction } from './audit-words';

export type AuditPage = Schemas['AuditEventPageDto'];

/** 監査ログ's filters as the screen holds them ('' for none). */
export interface AuditFilter {
  actorId: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

/** The filters the API takes: the ones set. */
export function auditQuery(filter: AuditFilter): { actorId?: string; action?: AuditAction; from?: string; to?: string } {
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

/** The audit log's query keys. */
export const auditKeys = {
  all: ['audit-events'] as const,
  events: (filter: AuditFilter) => [...auditKeys.all, auditQuery(filter)] as const,
  history: (path: HistoryPath, id: string) => [...auditKeys.all, 'history', path, id] as const,
  target: (kind: 'union' | 'prospect', id: string) => ['audit-target', kind, id] as const,
};

/** The name of an event's record, read once (a deleted one answers 404). */
export const auditTargetQuery = {
  union: (id: string) =>
    queryOptions({
      queryKey: auditKeys.target('union', id),
      queryFn: () => unwrap(api.GET('/api/v1/unions/{id}', { params: { path: { id } } })),
      staleTime: Infinity,
    }),
  prospect: (id: string) =>
    queryOptions({
      queryKey: auditKeys.target('prospect', id),
      queryFn: () => unwrap(api.GET('/api/v1/prospects/{id}', { params: { path: { id } } })),
      staleTime: Infinity,
    }),
};

const PAGE_SIZE = 50;
const paging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: AuditPage) => last.nextCursor ?? undefined,
  // what happened a moment ago is the point of the log: read it again whenever it is opened
  staleTime: 0,
};

/** The whole log (admins), newest first, a page at a time by cursor. */
export const auditEventsQuery = (filter: AuditFilter) =>
  withExport(
    infiniteQueryOptions({
      queryKey: auditKeys.events(filter),
      queryFn: ({ pageParam }) =>
        unwrap(
          api.GET('/api/v1/audit-events', { params: { query: { limit: PAGE_SIZE, ...auditQuery(filter), ...(pageParam ? { cursor: pageParam } : {}) } } }),
        ),
      ...paging,
    }),
    '/api/v1/audit-events',
    auditQuery(filter),
  );

/** The records with a 履歴 tab, by the API path of their history (`…/{id}/audit`). */
export type HistoryPath = { [P in keyof paths]: P extends `/api/v1/${string}/{id}/audit` ? P : never }[keyof paths];

/** One record's 履歴, newest first, a page at a time by cursor. */
export const recordHistoryQuery = (path: HistoryPath, id: string) =>
  infiniteQueryOptions({
    queryKey: auditKeys.history(path, id),
    queryFn: ({ pageParam }) =>
      // every history path takes the same id, limit and cursor and answers the same page: typed as the users' one
      unwrap(
        api.GET(path as '/api/v1/users/{id}/audit', { params: { path: { id }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    ...paging,
  });
