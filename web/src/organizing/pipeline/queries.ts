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

export const followUpsQuery = queryOptions({
  queryKey: ['follow-ups'],
  queryFn: () => unwrap(api.GET('/api/v1/follow-ups', { params: { query: { limit: 500 } } })),
});

export const prospectsQuery = (filter: { assignedOrganizerId?: string; regionalCouncilId?: string; q?: string }) =>
  queryOptions({
    queryKey: ['prospects', 'list', filter],
    queryFn: () => unwrap(api.GET('/api/v1/prospects', { params: { query: { limit: 500, sort: 'nextActionOn', ...filter } } })),
  });

export const prospectQuery = (id: string) =>
  queryOptions({
    queryKey: ['prospects', id],
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{id}', { params: { path: { id } } })),
  });

export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ['prospects', id, 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{id}/history', { params: { path: { id }, query: { limit: 500 } } })),
  });

export const visitsQuery = (prospectId: string) =>
  queryOptions({
    queryKey: ['prospects', prospectId, 'visits'],
    queryFn: () => unwrap(api.GET('/api/v1/prospects/{prospectId}/visits', { params: { path: { prospectId }, query: { limit: 500 } } })),
  });

export const consultationsQuery = (filter: { prospectId?: string }) =>
  queryOptions({
    queryKey: ['consultations', filter],
    queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { limit: 100, ...filter } } })),
  });
