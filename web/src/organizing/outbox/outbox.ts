import { csrfToken } from '../../platform/api/client';
import { ApiError, type ErrorBody } from '../../platform/api/errors';

/**
 * What an organizer recorded, as it is sent to the API. The organizing screens hand every
 * write (visit, consultation, new prospect, stage move) to `sendOrQueue`, never to the
 * client directly, so that a write made without a signal waits in the outbox and is sent
 * later, exactly once (its Idempotency-Key is made here, once, and kept with it).
 *
 * This first version sends at once and does not queue yet; the offline outbox (IndexedDB,
 * replay on reconnect, focus and start) replaces the body of this module behind the same
 * interface.
 */
export interface OutboxCommand {
  /** What the person did, in Japanese, shown while it waits or needs attention (「訪問の記録 ○○株式会社」). */
  label: string;
  method: 'POST' | 'PATCH';
  /** The API path with its ids filled in, e.g. `/api/v1/prospects/<id>/visits`. */
  path: string;
  body: unknown;
}

/** `sent`: the API accepted it and answered `response`; `queued`: no connection, it waits in the outbox. */
export type SendResult = { state: 'sent'; response: unknown } | { state: 'queued' };

/** Sends the command now; a 4xx/5xx answer is thrown as an ApiError, so forms can show it next to the field. */
export async function sendOrQueue(command: OutboxCommand): Promise<SendResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  const response = await fetch(command.path, { method: command.method, headers, body: JSON.stringify(command.body), credentials: 'include' });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, (body ?? { statusCode: response.status }) as ErrorBody);
  return { state: 'sent', response: body };
}

/** How many recorded items wait to be sent (always 0 until the offline outbox lands). */
export function useOutboxCount(): number {
  return 0;
}
