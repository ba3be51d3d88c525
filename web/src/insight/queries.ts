import { queryOptions } from '@tanstack/react-query';
import { api } from '../platform/api/client';
import { unwrap } from '../platform/api/errors';
import { addMonths, tokyoDate } from '../platform/format/format';

/** The current month in Japan (YYYY-MM). */
export const currentMonth = (): string => tokyoDate(new Date()).slice(0, 7);

export type GrowthGroupBy = 'total' | 'federation' | 'regionalCouncil' | 'sector' | 'union' | 'employmentType' | 'gender';

export const goalsQuery = queryOptions({
  queryKey: ['goals'],
  queryFn: () => unwrap(api.GET('/api/v1/goals', { params: { query: { limit: 500 } } })),
});

export const goalProgressQuery = (goalId: string) =>
  queryOptions({
    queryKey: ['goals', goalId, 'progress'],
    queryFn: () => unwrap(api.GET('/api/v1/goals/{id}/progress', { params: { path: { id: goalId } } })),
  });

export const growthQuery = (query: { from: string; to: string; groupBy: GrowthGroupBy; regionalCouncilId?: string; federationId?: string }) =>
  queryOptions({
    queryKey: ['reports', 'growth', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/growth', { params: { query } })),
  });

export const lossCausesQuery = (query: { from: string; to: string; regionalCouncilId?: string }) =>
  queryOptions({
    queryKey: ['reports', 'loss-causes', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/loss-causes', { params: { query } })),
  });

/** The twelve months up to and including `to`. */
export function trailingYear(to: string = currentMonth()): { from: string; to: string } {
  return { from: addMonths(to, -11), to };
}
