import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../platform/api/client';
import { unwrap } from '../platform/api/errors';
import { addMonths, currentMonth } from '../platform/format/format';
import { withExport } from '../platform/tables/export-url';
import { periodDays } from './loss-causes/period-days';

export { currentMonth };

export type GrowthGroupBy = 'total' | 'federation' | 'regionalCouncil' | 'sector' | 'union' | 'employmentType' | 'gender';
export type GenderGroupBy = 'federation' | 'regionalCouncil';
type Change = Schemas['MembershipChangeDto'];

/** The filters every membership report takes; `asPublished` answers closed months with their published figures. */
interface ReportFilters {
  regionalCouncilId?: string;
  federationId?: string;
  asPublished?: boolean;
}

export type GrowthQuery = { from: string; to: string; groupBy: GrowthGroupBy } & ReportFilters;
export type LossCausesQuery = { from: string; to: string; cause?: Schemas['LossCauseDto']['cause'] } & ReportFilters;
export type NetChangeQuery = { from: string; to: string } & ReportFilters;
export type GenderQuery = { groupBy: GenderGroupBy; month: string } & ReportFilters;
export type DuesQuery = { fiscalYear: number } & ReportFilters;
export type GenderParticipationQuery = { fiscalYear: number; groupBy: GenderGroupBy };
export type LossLedgerQuery = { unionId: string; cause?: Schemas['LossCauseDto']['cause']; from: string; to: string };

/** The insight area's query keys: a goal's save invalidates `insightKeys.goals`, a review's `insightKeys.lossReviews`. */
export const insightKeys = {
  goals: ['goals'] as const,
  goalList: () => [...insightKeys.goals, 'list'] as const,
  goal: (id: string) => [...insightKeys.goals, 'one', id] as const,
  goalProgress: (id: string) => [...insightKeys.goals, id, 'progress'] as const,
  allocations: (id: string) => [...insightKeys.goals, id, 'allocations'] as const,
  lossReviews: ['loss-reviews'] as const,
  lossReviewList: () => [...insightKeys.lossReviews, 'all'] as const,
  lossReview: (id: string) => [...insightKeys.lossReviews, 'one', id] as const,
  report: (name: string, query: object) => ['reports', name, query] as const,
  lossLedger: (query: LossLedgerQuery) => ['membership-changes', 'losses', query] as const,
};

export const goalsQuery = withExport(
  queryOptions({
    queryKey: insightKeys.goalList(),
    queryFn: () => unwrap(api.GET('/api/v1/goals', { params: { query: { limit: 500 } } })),
  }),
  '/api/v1/goals',
);

export const goalQuery = (id: string) =>
  queryOptions({
    queryKey: insightKeys.goal(id),
    queryFn: () => unwrap(api.GET('/api/v1/goals/{id}', { params: { path: { id } } })),
  });

export const goalProgressQuery = (goalId: string) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.goalProgress(goalId),
      queryFn: () => unwrap(api.GET('/api/v1/goals/{id}/progress', { params: { path: { id: goalId } } })),
    }),
    '/api/v1/goals/{id}/progress',
    undefined,
    { id: goalId },
  );

export const allocationsQuery = (goalId: string) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.allocations(goalId),
      queryFn: () => unwrap(api.GET('/api/v1/goals/{id}/allocations', { params: { path: { id: goalId } } })),
    }),
    '/api/v1/goals/{id}/allocations',
    undefined,
    { id: goalId },
  );

export const createGoal = (body: Schemas['CreateGoalDto']) => unwrap(api.POST('/api/v1/goals', { body }));

export const updateGoal = (id: string, body: Schemas['UpdateGoalDto']) => unwrap(api.PATCH('/api/v1/goals/{id}', { params: { path: { id } }, body }));

/** Every council's reviews, newest first. */
export const lossReviewsQuery = queryOptions({
  queryKey: insightKeys.lossReviewList(),
  queryFn: () => unwrap(api.GET('/api/v1/loss-reviews', { params: { query: { limit: 100 } } })),
});

export const lossReviewQuery = (id: string) =>
  queryOptions({
    queryKey: insightKeys.lossReview(id),
    queryFn: () => unwrap(api.GET('/api/v1/loss-reviews/{id}', { params: { path: { id } } })),
  });

export const createLossReview = (body: Schemas['CreateLossReviewDto']) => unwrap(api.POST('/api/v1/loss-reviews', { body }));

export const updateLossReview = (id: string, body: Schemas['UpdateLossReviewDto']) =>
  unwrap(api.PATCH('/api/v1/loss-reviews/{id}', { params: { path: { id } }, body }));

// The reports: each query carries its `source`, so 「Excelで出力」 asks for the file with the filters that fetched the figures.

export const growthQuery = (query: GrowthQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('growth', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/growth', { params: { query } })),
    }),
    '/api/v1/reports/growth',
    query,
  );

/** The loss causes report; with `cause`, its `topUnions` are every union behind that cause. */
export const lossCausesQuery = (query: LossCausesQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('loss-causes', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/loss-causes', { params: { query } })),
    }),
    '/api/v1/reports/loss-causes',
    query,
  );

export const netChangeQuery = (query: NetChangeQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('net-change', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/net-change', { params: { query } })),
    }),
    '/api/v1/reports/net-change',
    query,
  );

export const genderQuery = (query: GenderQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('gender', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/gender', { params: { query } })),
    }),
    '/api/v1/reports/gender',
    query,
  );

export const duesQuery = (query: DuesQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('dues-projection', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/dues-projection', { params: { query } })),
    }),
    '/api/v1/reports/dues-projection',
    query,
  );

/** ジェンダー平等: women in decision bodies against the members' female share, and the plan's targets. */
export const genderParticipationQuery = (query: GenderParticipationQuery) =>
  withExport(
    queryOptions({
      queryKey: insightKeys.report('gender-participation', query),
      queryFn: () => unwrap(api.GET('/api/v1/reports/gender-participation', { params: { query } })),
    }),
    '/api/v1/reports/gender-participation',
    query,
  );

/** After a composition is recorded, every report answer is read again (the report names it). */
export const reportKeys = { all: ['reports'] as const };

const LEDGER_PAGE = 500;

/**
 * Every ledger row behind a union's loss in a month range: of one cause, or of every
 * decrease cause. All pages are read, so the rows sum to the report's figure.
 */
export const lossLedgerQuery = (q: LossLedgerQuery) =>
  queryOptions({
    queryKey: insightKeys.lossLedger(q),
    queryFn: async (): Promise<Change[]> => {
      const filter = { unionId: q.unionId, ...periodDays(q.from, q.to), ...(q.cause ? { cause: q.cause } : { causeKind: 'decrease' as const }) };
      const rows: Change[] = [];
      for (let offset = 0; ; offset += LEDGER_PAGE) {
        const page = await unwrap(api.GET('/api/v1/membership-changes', { params: { query: { ...filter, limit: LEDGER_PAGE, offset } } }));
        rows.push(...page.items);
        if (page.items.length < LEDGER_PAGE || rows.length >= page.total) return rows;
      }
    },
  });

/** The twelve months up to and including `to`. */
export function trailingYear(to: string = currentMonth()): { from: string; to: string } {
  return { from: addMonths(to, -11), to };
}
