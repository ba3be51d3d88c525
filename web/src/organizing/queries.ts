import type { QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../platform/api/client';
import { unwrap } from '../platform/api/errors';
import { sendOrQueue, type SendResult } from './outbox/outbox';
import type { CommandBody } from './outbox/commands';
import { consultationKeys, followUpKeys, prospectKeys, type Prospect, type Visit } from './pipeline/queries';

/**
 * The organizing area's reads and writes. Reads are query options and key factories (in
 * `pipeline/queries.ts`); every write goes through the outbox as a typed command, so it is
 * kept and sent later when the phone has no signal. Screens call these, never the client.
 */
export * from './pipeline/queries';

export type VisitBody = CommandBody<'recordVisit'>;
export type StageMoveBody = CommandBody<'moveStage'>;
export type AffiliationBody = CommandBody<'affiliate'>;
export type NewProspectBody = CommandBody<'createProspect'>;
export type ConsultationBody = CommandBody<'recordConsultation'>;

/** 訪問を記録, or the correction of the person's own visit (with the version they started from). */
export function saveVisit(prospect: Prospect, visit: Visit | undefined, body: VisitBody): Promise<SendResult<'recordVisit'> | SendResult<'correctVisit'>> {
  return visit
    ? sendOrQueue({
        kind: 'correctVisit',
        label: `訪問記録の修正 ${prospect.employerName}`,
        params: { id: visit.id },
        body: { ...body, version: visit.version },
      })
    : sendOrQueue({ kind: 'recordVisit', label: `訪問の記録 ${prospect.employerName}`, params: { prospectId: prospect.id }, body });
}

/** ステージを変更; `stageName` is the new stage in Japanese, for the outbox's list. */
export function moveStage(prospect: Prospect, stageName: string, body: StageMoveBody): Promise<SendResult<'moveStage'>> {
  return sendOrQueue({ kind: 'moveStage', label: `ステージ変更 ${prospect.employerName}(${stageName})`, params: { id: prospect.id }, body });
}

/** 加盟手続: the union founded at the workplace and its members. */
export function affiliate(prospect: Prospect, body: AffiliationBody): Promise<SendResult<'affiliate'>> {
  return sendOrQueue({ kind: 'affiliate', label: `加盟手続 ${prospect.employerName}`, params: { id: prospect.id }, body });
}

/** 新規事業所. */
export function createProspect(body: NewProspectBody): Promise<SendResult<'createProspect'>> {
  return sendOrQueue({ kind: 'createProspect', label: `新規事業所 ${body.employerName}`, body });
}

/**
 * 担当オルガナイザー: council staff (and admins) choose who follows the workplace up, at their desk
 * (sent at once, not through the outbox); the version read, so someone else's change is a 409.
 */
export function assignOrganizers(prospectId: string, body: { assignedOrganizerIds: string[]; version: number }): Promise<Prospect> {
  const patch: Schemas['UpdateProspectDto'] = body;
  return unwrap(api.PATCH('/api/v1/prospects/{id}', { params: { path: { id: prospectId } }, body: patch }));
}

/** まちかど労働相談; `receivedOn` is the day as the person reads it, for the outbox's list. */
export function recordConsultation(receivedOnJa: string, body: ConsultationBody): Promise<SendResult<'recordConsultation'>> {
  return sendOrQueue({ kind: 'recordConsultation', label: `労働相談 ${receivedOnJa}`, body });
}

/** After a visit: the workplace (its visits and history) at once, the follow-ups after. */
export async function visitSaved(queryClient: QueryClient, prospectId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: prospectKeys.one(prospectId) });
  void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
}

/** After a stage move, an affiliation or a new workplace: every list and workplace, the follow-ups after. */
export async function prospectsChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: prospectKeys.all });
  void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
}

/** Someone else moved the workplace meanwhile: read it as it is now. */
export function prospectIsStale(queryClient: QueryClient, prospectId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: prospectKeys.one(prospectId) });
}

export function consultationsChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: consultationKeys.all });
}
