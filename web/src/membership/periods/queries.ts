import { queryOptions } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { withExport } from '../../platform/tables/export-url';

/** 月次締め's query keys: a close invalidates `periodKeys.all`. */
export const periodKeys = {
  all: ['periods'] as const,
  list: () => [...periodKeys.all, 'list'] as const,
};

/** The closed months, newest first. */
export const periodsQuery = withExport(
  queryOptions({
    queryKey: periodKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/periods', { params: { query: { limit: 120 } } })),
  }),
  '/api/v1/periods',
);

/** Closes a month: its figures become the published ones. */
export const closePeriod = (month: string) => unwrap(api.POST('/api/v1/periods/{month}/close', { params: { path: { month } } }));
