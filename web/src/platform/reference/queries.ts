import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { withExport } from '../tables/export-url';

/**
 * The confederation's reference lists: regional councils, federations and sectors. The
 * structure area keeps them; every area and the shared screens (a person's scope, the users'
 * 担当, the audit log's names) read them from here, so platform needs no area for a name.
 */
export const referenceKeys = {
  councils: ['regional-councils'] as const,
  councilList: () => [...referenceKeys.councils, 'all'] as const,
  council: (id: string) => [...referenceKeys.councils, 'one', id] as const,
  federations: ['federations'] as const,
  federationList: () => [...referenceKeys.federations, 'all'] as const,
  federation: (id: string) => [...referenceKeys.federations, 'one', id] as const,
  sectors: ['sectors'] as const,
  sectorList: () => [...referenceKeys.sectors, 'all'] as const,
};

const LISTED = 10 * 60_000;

export const councilsQuery = withExport(
  queryOptions({
    queryKey: referenceKeys.councilList(),
    queryFn: () => unwrap(api.GET('/api/v1/regional-councils', { params: { query: { limit: 500 } } })),
    staleTime: LISTED,
  }),
  '/api/v1/regional-councils',
);

export const federationsQuery = withExport(
  queryOptions({
    queryKey: referenceKeys.federationList(),
    queryFn: () => unwrap(api.GET('/api/v1/federations', { params: { query: { limit: 500 } } })),
    staleTime: LISTED,
  }),
  '/api/v1/federations',
);

export const sectorsQuery = withExport(
  queryOptions({
    queryKey: referenceKeys.sectorList(),
    queryFn: () => unwrap(api.GET('/api/v1/sectors', { params: { query: { limit: 500 } } })),
    staleTime: LISTED,
  }),
  '/api/v1/sectors',
);

export const councilQuery = (id: string) =>
  queryOptions({
    queryKey: referenceKeys.council(id),
    queryFn: () => unwrap(api.GET('/api/v1/regional-councils/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });

export const federationQuery = (id: string) =>
  queryOptions({
    queryKey: referenceKeys.federation(id),
    queryFn: () => unwrap(api.GET('/api/v1/federations/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
