import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { tokyoDate } from '../../platform/format/format';

export type Prospect = Schemas['ProspectDto'];
export type FollowUp = Schemas['FollowUpDto'];
export type Visit = Schemas['VisitDto'];
export type StageChange = Schemas['StageChangeDto'];
export type Consultation = Schemas['ConsultationDto'];

/** Today in Japan (YYYY-MM-DD), whatever the phone's own time zone. */
export const todayInJapan = (): string => tokyoDate(new Date());

/** The cache keys of the organizing area: a prospect's key is the prefix of its history and visits, so invalidating it refreshes all three. */
export const prospectKeys = {
  all: ['prospects'] as const,
  list: (filter: ProspectFilter) => ['prospects', 'list', filter] as const,
  one: (id: string) => ['prospects', id] as const,
  history: (id: string) => ['prospects', id, 'history'] as const,
  visits: (prospectId: string) => ['prospects', prospectId, 'visits'] as const,
};
export const visitKeys = { one: (id: string) => ['visits', id] as const };
export const followUpKeys = { all: ['follow-ups'] as const };
export const consultationKeys = {
  all: ['consultations'] as const,
  list: (filter: { prospectId?: string }) => ['consultations', filter] as const,
};

export interface ProspectFilter {
  assignedOrganizerId?: string;
  regionalCouncilId?: string;
  q?: string;
}

export const followUpsQuery = queryOptions({
  queryKey: followUpKeys.all,
  queryFn: () => unwrap(api.GET('/api/v1/follow-ups', { params: { query: { limit: 500 } } })),
});

export const prospectsQuery = (filter: ProspectFilter) =>
  queryOptions({
    queryKey: prospectKeys.list(filter),
    queryFn: () => unwrap(api.GET('/api/v1/prospects', { params: { query: { limit: 500, sort: 'nextActionOn', ...filter } } })),
  });

export const prospectQuery = (id: string) =>
  queryOptions({
    queryKey: prospectKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{id}', { params: { path: { id } } })),
  });

export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: prospectKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{id}/history', { params: { path: { id }, query: { limit: 500 } } })),
  });

export const visitsQuery = (prospectId: string) =>
  queryOptions({
    queryKey: prospectKeys.visits(prospectId),
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{prospectId}/visits', { params: { path: { prospectId }, query: { limit: 500 } } })),
  });

/** One visit as it is now (a correction that met someone else's save reads it again). */
export const visitQuery = (id: string) =>
  queryOptions({
    queryKey: visitKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/visits/{id}', { params: { path: { id } } })),
  });

export const consultationsQuery = (filter: { prospectId?: string }) =>
  queryOptions({
    queryKey: consultationKeys.list(filter),
    queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { limit: 100, ...filter } } })),
  });
