import { queryOptions } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { rebuildView } from './rebuild-job';

const POLL_MS = 500;

export const aggregationKeys = {
  job: (id: string) => ['admin', 'jobs', id] as const,
};

/** A rebuild's state and percent, asked for until it is over. */
export const rebuildJobQuery = (jobId: string) =>
  queryOptions({
    queryKey: aggregationKeys.job(jobId),
    queryFn: () => unwrap(api.GET('/api/v1/admin/jobs/{id}', { params: { path: { id: jobId } } })),
    refetchInterval: (query) => (query.state.data && rebuildView(query.state.data).finished ? false : POLL_MS),
    staleTime: 0,
  });

/** Starts rebuilding every rollup from the ledger; answers the queue's job. */
export const startRebuild = () => unwrap(api.POST('/api/v1/admin/aggregations/rebuild'));

/** Checks the rollups against the ledger, now (asked on demand, never cached). */
export const checkInvariants = () => unwrap(api.GET('/api/v1/admin/invariants'));
