import { queryOptions } from '@tanstack/react-query';
import { api } from '../platform/api/client';
import { unwrap } from '../platform/api/errors';

export const councilsQuery = queryOptions({
  queryKey: ['regional-councils', 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/regional-councils', { params: { query: { limit: 500 } } })),
  staleTime: 10 * 60_000,
});

export const federationsQuery = queryOptions({
  queryKey: ['federations', 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/federations', { params: { query: { limit: 500 } } })),
  staleTime: 10 * 60_000,
});

export const sectorsQuery = queryOptions({
  queryKey: ['sectors', 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/sectors', { params: { query: { limit: 500 } } })),
  staleTime: 10 * 60_000,
});
