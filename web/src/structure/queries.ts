import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../platform/api/client';
import { unwrap } from '../platform/api/errors';
import { withExport } from '../platform/tables/export-url';

/** The reference lists live in platform (every screen names things by them); the structure area's queries are these and its unions. */
export { councilQuery, councilsQuery, federationQuery, federationsQuery, referenceKeys, sectorsQuery } from '../platform/reference/queries';

export const structureKeys = {
  unions: ['unions'] as const,
  union: (id: string) => [...structureKeys.unions, 'one', id] as const,
  unionSearch: (q: string) => [...structureKeys.unions, 'structure', q] as const,
  governanceBodies: ['governance-bodies'] as const,
  councilOrganizers: (councilId: string) => ['regional-councils', councilId, 'organizers'] as const,
  governanceBodiesOf: (organizationKind: string, organizationId: string | null) =>
    [...structureKeys.governanceBodies, organizationKind, organizationId ?? ''] as const,
};

type OrganizationKind = Schemas['OrganizationRefDto']['kind'];

/** The bodies of one organization (the confederation's: no id), with every year's composition. */
export const governanceBodiesQuery = (organizationKind: OrganizationKind, organizationId: string | null) =>
  queryOptions({
    queryKey: structureKeys.governanceBodiesOf(organizationKind, organizationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/governance-bodies', {
          params: { query: { organizationKind, ...(organizationId ? { organizationId } : {}), limit: 500 } },
        }),
      ),
  });

export const createGovernanceBody = (body: Schemas['CreateGovernanceBodyDto']) => unwrap(api.POST('/api/v1/governance-bodies', { body }));

/** Records (or replaces) a body's composition in a fiscal year: counts only. */
export const putGovernanceComposition = (id: string, fiscalYear: number, body: Schemas['PutCompositionDto']) =>
  unwrap(api.PUT('/api/v1/governance-bodies/{id}/compositions/{fiscalYear}', { params: { path: { id, fiscalYear } }, body }));

/** 組織's unions: the first 200 that match what was typed. */
export const unionSearchQuery = (q: string) =>
  withExport(
    queryOptions({
      queryKey: structureKeys.unionSearch(q),
      queryFn: () => unwrap(api.GET('/api/v1/unions', { params: { query: { limit: 200, ...(q ? { q } : {}) } } })),
    }),
    '/api/v1/unions',
    { q },
  );

export const unionQuery = (id: string) =>
  queryOptions({
    queryKey: structureKeys.union(id),
    queryFn: () => unwrap(api.GET('/api/v1/unions/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
  });

/** 担当オルガナイザー: a council's active organizers by name (admin, leadership, and the council's own staff and organizers). */
export const councilOrganizersQuery = (councilId: string) =>
  queryOptions({
    queryKey: structureKeys.councilOrganizers(councilId),
    queryFn: () => unwrap(api.GET('/api/v1/regional-councils/{id}/organizers', { params: { path: { id: councilId } } })),
    staleTime: 60_000,
  });
