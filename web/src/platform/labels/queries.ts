import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

export const labelKeys = {
  all: ['labels'] as const,
};

/** Every code's Japanese label, from GET /labels: the console keeps no vocabulary of its own. */
export const labelsQuery = queryOptions({
  queryKey: labelKeys.all,
  queryFn: () => unwrap(api.GET('/api/v1/labels')),
  staleTime: Infinity,
});
