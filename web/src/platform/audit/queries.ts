import { infiniteQueryOptions } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
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

const PAGE_SIZE = 50;
const paging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: AuditPage) => last.nextCursor ?? undefined,
  // what happened a moment ago is the point of the log: read it again whenever it is opened
  staleTime: 0,
};

/** The whole log (admins), newest first, a page at a time by cursor. */
export const auditEventsQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', auditQuery(filter)],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/audit-events', { params: { query: { limit: PAGE_SIZE, ...auditQuery(filter), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    ...paging,
  });

/** The records with a 履歴 tab, by the API path of their history (`…/{id}/audit`). */
export type HistoryPath = { [P in keyof paths]: P extends `/api/v1/${string}/{id}/audit` ? P : never }[keyof paths];

/** One record's 履歴, newest first, a page at a time by cursor. */
export const recordHistoryQuery = (path: HistoryPath, id: string) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', 'history', path, id],
    queryFn: ({ pageParam }) =>
      // every history path takes the same id, limit and cursor and answers the same page: typed as the users' one
      unwrap(
        api.GET(path as '/api/v1/users/{id}/audit', { params: { path: { id }, query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    ...paging,
  });
