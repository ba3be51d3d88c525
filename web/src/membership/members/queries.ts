import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { withExport } from '../../platform/tables/export-url';
import { structureKeys } from '../../structure/queries';

export type Union = Schemas['UnionDto'];
export type MembershipChange = Schemas['MembershipChangeDto'];
export type ChangeBody = Schemas['CreateMembershipChangeDto'];
export type SurveyBody = Schemas['SubmitMembershipSurveyDto'];

/** The cache keys of unions as membership reads them (their members now), under the structure area's prefix of every union key. */
export const unionKeys = {
  all: structureKeys.unions,
  members: (filter: { federationId: string | null; q: string }) => [...structureKeys.unions, 'members', filter] as const,
  names: (federationId: string | null) => [...structureKeys.unions, 'names', federationId] as const,
};

/** The cache keys of the ledger's entries: a union's latest, and those one import wrote. */
export const changeKeys = {
  all: ['membership-changes'] as const,
  ofUnion: (unionId: string) => ['membership-changes', 'union', unionId] as const,
  ofImport: (importId: string, limit: number) => ['membership-changes', 'import', importId, limit] as const,
};

/**
 * The federation's active unions (or all in scope) with their members now, asked again every 5
 * seconds (the worker sums a change a moment after it); 「Excelで出力」 asks the same filters.
 */
export const unionsQuery = ({ federationId, q }: { federationId: string | null; q: string }) => {
  const filter = { status: 'active' as const, ...(federationId ? { federationId } : {}), ...(q ? { q } : {}) };
  return withExport(
    queryOptions({
      queryKey: unionKeys.members({ federationId, q }),
      queryFn: () => unwrap(api.GET('/api/v1/unions', { params: { query: { limit: 500, ...filter } } })),
      refetchInterval: 5000,
    }),
    '/api/v1/unions',
    filter,
  );
};

/** The unions' names (of the federation, or all in scope), to name the union of a ledger row. */
export const unionNamesQuery = (federationId: string | null) =>
  queryOptions({
    queryKey: unionKeys.names(federationId),
    queryFn: () => unwrap(api.GET('/api/v1/unions', { params: { query: { limit: 500, ...(federationId ? { federationId } : {}) } } })),
    staleTime: 60_000,
  });

/** A union's latest ledger entries (最近の増減); 「Excelで出力」 gives all of the union's. */
export const unionChangesQuery = (unionId: string) =>
  withExport(
    queryOptions({
      queryKey: changeKeys.ofUnion(unionId),
      queryFn: () => unwrap(api.GET('/api/v1/membership-changes', { params: { query: { unionId, limit: 10 } } })),
    }),
    '/api/v1/membership-changes',
    { unionId },
  );

/** Records one entry of the ledger; the key makes a repeated press record it once. */
export function recordChange(body: ChangeBody, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/membership-changes', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

/** Takes an entry back: the ledger keeps it and records the opposite, linked to it. */
export function reverseChange(id: string, reason: string, idempotencyKey: string) {
  return unwrap(
    api.POST('/api/v1/membership-changes/{id}/reverse', { params: { path: { id } }, body: { reason }, headers: { 'Idempotency-Key': idempotencyKey } }),
  );
}

/** 年次組合員数調査: the union's members on the survey day. */
export function saveSurvey(body: SurveyBody) {
  return unwrap(api.POST('/api/v1/membership-surveys', { body }));
}

/** After a change, a survey or a reversal: the union's entries and every union's members. */
export function unionMembersChanged(queryClient: QueryClient, unionId?: string): void {
  void queryClient.invalidateQueries({ queryKey: unionId ? changeKeys.ofUnion(unionId) : changeKeys.all });
  void queryClient.invalidateQueries({ queryKey: unionKeys.all });
}
