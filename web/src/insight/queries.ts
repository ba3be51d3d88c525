import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../platform/api/client';
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

/** The filters every membership report takes; `asPublished` answers closed months with their published figures. */
interface ReportFilters {
  regionalCouncilId?: string;
  federationId?: string;
  asPublished?: boolean;
}

export const growthQuery = (query: { from: string; to: string; groupBy: GrowthGroupBy } & ReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'growth', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/growth', { params: { query } })),
  });

/** The loss causes report; with `cause`, its `topUnions` are every union behind that cause. */
export const lossCausesQuery = (query: { from: string; to: string; cause?: Schemas['LossCauseDto']['cause'] } & ReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'loss-causes', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/loss-causes', { params: { query } })),
  });

export const netChangeQuery = (query: { from: string; to: string } & ReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'net-change', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/net-change', { params: { query } })),
  });

export type GenderGroupBy = 'federation' | 'regionalCouncil';

export const genderQuery = (query: { groupBy: GenderGroupBy; month: string } & ReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'gender', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/gender', { params: { query } })),
  });

export const duesQuery = (query: { fiscalYear: number } & ReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'dues-projection', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/dues-projection', { params: { query } })),
  });

/** The twelve months up to and including `to`. */
export function trailingYear(to: string = currentMonth()): { from: string; to: string } {
  return { from: addMonths(to, -11), to };
}
