import { Inject, Injectable } from '@nestjs/common';
import webpush from 'web-push';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { checkEndpoint } from './push-hosts';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the service worker shows (web/src/sw): a Japanese title and body, and the page a tap opens. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** delivered: the push service took it; gone: 404/410, the subscription is dead; failed: anything else (kept). */
export type PushOutcome = { kind: 'delivered'; status: number } | { kind: 'gone'; status: number } | { kind: 'failed'; reason: string };

const PUSH_TIMEOUT_MS = 10_000;

/**
 * Sends one Web Push message (RFC 8291 aes128gcm, VAPID RFC 8292) with `web-push` building the
 * encrypted request; the request itself is made here, to an endpoint checked against
 * PUSH_ALLOWED_HOSTS again at sending, without following redirects and with a time limit.
 */
@Injectable()
export class PushSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get available(): boolean {
    return this.config.vapid !== undefined;
  }

  async send(target: PushTarget, payload: PushPayload): Promise<PushOutcome> {
    const vapid = this.config.vapid;
    if (!vapid) return { kind: 'failed', reason: 'no VAPID keys' };
    const checked = checkEndpoint(target.endpoint, this.config.pushAllowedHosts);
    if ('problem' in checked) return { kind: 'failed', reason: 'endpoint host not in PUSH_ALLOWED_HOSTS' };
    let details: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
        vapidDetails: vapid,
        TTL: 12 * 3600,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
        topic: payload.tag,
      });
    } catch (error) {
      return { kind: 'failed', reason: `cannot encrypt for this subscription: ${(error as Error).message}` };
    }
    try {
      const response = await fetch(checked.url, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ?? undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered', status: response.status };
      return { kind: 'failed', reason: `push service answered ${response.status}` };
    } catch (error) {
      return { kind: 'failed', reason: (error as Error).message };
    }
  }
}
