/**
 * The service worker's part of 「プッシュ通知」: the console's service worker (sw.js, made by
 * vite-plugin-pwa) loads this script with `importScripts('/push-handler.js')` (`pushHandler`
 * in web/vite.config.ts builds it on its own). A push from the service shows a notification
 * in Japanese (its title, body and the console address it opens; a plain Japanese reminder
 * when the push carries nothing readable), and tapping it opens the console there (今日 by
 * default), in the window already open when there is one. Only addresses of this console are
 * opened. A plain script: it imports nothing.
 */
(() => {
  /** What the service worker's global scope offers that this script uses (the DOM library has no worker types). */
  interface WaitUntil {
    waitUntil(work: Promise<unknown>): void;
  }
  interface PushMessage extends WaitUntil {
    data: { text(): string } | null;
  }
  interface NotificationClick extends WaitUntil {
    notification: Notification;
  }
  interface ClientWindow {
    url: string;
    focus(): Promise<ClientWindow>;
    navigate?(url: string): Promise<ClientWindow | null>;
  }
  interface WorkerScope {
    location: Location;
    registration: ServiceWorkerRegistration;
    clients: {
      matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<ClientWindow[]>;
      openWindow(url: string): Promise<ClientWindow | null>;
    };
    addEventListener(type: 'push', listener: (event: PushMessage) => void): void;
    addEventListener(type: 'notificationclick', listener: (event: NotificationClick) => void): void;
  }

  const scope = self as unknown as WorkerScope;
  const DEFAULT_TITLE = '組織拡大CRM';
  const DEFAULT_BODY = '今日のフォローアップがあります。開いて確認してください。';
  const DEFAULT_URL = '/today';

  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

  /** An address of this console (a path, or a full address on this origin) as a path; anything else is 今日. */
  function consolePath(value: unknown): string {
    const given = text(value);
    if (!given) return DEFAULT_URL;
    try {
      const url = new URL(given, scope.location.origin);
      return url.origin === scope.location.origin ? `${url.pathname}${url.search}${url.hash}` : DEFAULT_URL;
    } catch {
      return DEFAULT_URL;
    }
  }

  /** The push's title, body and address: JSON `{title, body, url}`, or plain text as the body, or nothing. */
  function messageOf(data: PushMessage['data']): { title: string; body: string; url: string; tag?: string } {
    let raw = '';
    try {
      raw = data?.text() ?? '';
    } catch {
      raw = '';
    }
    let payload: Record<string, unknown> = {};
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      payload = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : { body: raw };
    } catch {
      payload = { body: raw };
    }
    return { title: text(payload.title) ?? DEFAULT_TITLE, body: text(payload.body) ?? DEFAULT_BODY, url: consolePath(payload.url), tag: text(payload.tag) };
  }

  scope.addEventListener('push', (event) => {
    const message = messageOf(event.data);
    event.waitUntil(
      scope.registration.showNotification(message.title, {
        body: message.body,
        lang: 'ja',
        dir: 'ltr',
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        // one reminder of the same kind replaces the last, instead of piling up
        tag: message.tag ?? 'rengo-reminder',
        data: { url: message.url },
      }),
    );
  });

  /** The console at `path`: the open window brought forward and moved there, else a new one. */
  async function openConsole(path: string): Promise<void> {
    const target = new URL(path, scope.location.origin).href;
    const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((w) => new URL(w.url).origin === scope.location.origin);
    if (!open) {
      await scope.clients.openWindow(target);
      return;
    }
    const focused = await open.focus();
    if (focused.url !== target && focused.navigate) await focused.navigate(target).catch(() => scope.clients.openWindow(target));
  }

  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    event.waitUntil(openConsole(consolePath(data?.url)));
  });
})();
