/**
 * 「プッシュ通知」 on this device: the browser's side (permission, the service worker's
 * push subscription). The API calls (the public key, storing and removing the subscription)
 * are in queries.ts; NotificationsPage puts the two together. Permission is asked for only
 * when the person turns the switch on, never on opening the screen.
 */

/** Why this device could not be set up for push, each said in Japanese on the screen. */
export type PushProblem = 'unsupported' | 'denied' | 'dismissed' | 'unavailable' | 'no-worker' | 'failed';

export const PUSH_PROBLEM_TEXT: Record<PushProblem, string> = {
  unsupported: 'このブラウザではプッシュ通知を使えません。iPhoneでは、Safariの共有ボタンから「ホーム画面に追加」したアプリを開いて、そこでオンにしてください。',
  denied: '通知が許可されていません。端末の設定(iPhoneは「設定」→「通知」)でこのアプリの通知を許可してから、もう一度オンにしてください。',
  dismissed: '通知の許可が選ばれなかったため、オンにしませんでした。もう一度オンにして「許可」を選んでください。',
  unavailable: 'このサーバーではプッシュ通知が設定されていないため、使えません。管理者にお問い合わせください。',
  'no-worker': 'アプリの準備ができていないため、この端末を登録できませんでした。画面を読み込み直してから、もう一度お試しください。',
  failed: 'この端末を通知先に登録できませんでした。通信状態を確かめて、もう一度お試しください。',
};

export class PushSetupError extends Error {
  constructor(readonly problem: PushProblem) {
    super(problem);
  }
}

/** What this browser offers: push needs a service worker, the Push API and notifications (an iPhone: only in the app added to the home screen). */
export function pushSupported(scope: object = globalThis): boolean {
  return 'PushManager' in scope && 'Notification' in scope && 'serviceWorker' in ((scope as { navigator?: object }).navigator ?? {});
}

/** The VAPID public key (base64url, as the API gives it) as the bytes PushManager.subscribe takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The console's service worker, or a failure when none takes charge in time (the app not yet installed in this tab, or a development server). */
async function registration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PushSetupError('no-worker')), timeoutMs);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this device has a push subscription now (nothing is asked of the person). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const existing = await navigator.serviceWorker.getRegistration();
  return (await existing?.pushManager.getSubscription()) ?? null;
}

/** The notification permission as it stands, without asking. */
export function permissionNow(): NotificationPermission | 'unsupported' {
  return pushSupported() ? Notification.permission : 'unsupported';
}

const sameKey = (subscription: PushSubscription, key: Uint8Array): boolean => {
  const own = subscription.options.applicationServerKey;
  if (!own) return false;
  const bytes = new Uint8Array(own);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
};

/**
 * Asks for permission, now, because the person just turned the switch on: first thing after
 * the tap, before anything goes over the network, since Safari shows the question only close
 * to the person's gesture.
 */
export async function askPermission(): Promise<void> {
  if (!pushSupported()) throw new PushSetupError('unsupported');
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('denied');
  if (permission !== 'granted') throw new PushSetupError('dismissed');
}

/**
 * Subscribes this device (permission granted) with the server's key. A subscription made
 * with another key (the server's keys were replaced) is dropped and made again.
 */
export async function subscribeThisDevice(publicKey: string): Promise<PushSubscription> {
  if (!pushSupported()) throw new PushSetupError('unsupported');
  if (Notification.permission !== 'granted') throw new PushSetupError('denied');
  const worker = await registration();
  const key = applicationServerKey(publicKey);
  try {
    const existing = await worker.pushManager.getSubscription();
    if (existing && sameKey(existing, key)) return existing;
    await existing?.unsubscribe();
    return await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') throw new PushSetupError('denied');
    throw new PushSetupError('failed');
  }
}

/** Ends this device's subscription in the browser; its endpoint (for the API to forget), if there was one. */
export async function unsubscribeThisDevice(): Promise<string | undefined> {
  const subscription = await currentSubscription();
  if (!subscription) return undefined;
  await subscription.unsubscribe().catch(() => false);
  return subscription.endpoint;
}

/** The API's id of this device's subscription, kept with its endpoint so that turning it off can delete it (an id, not a secret). */
const STORED = 'rengo.pushSubscription';

export function rememberSubscriptionId(endpoint: string, id: string, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORED, JSON.stringify({ endpoint, id }));
}

export function rememberedSubscriptionId(endpoint: string | undefined, storage: Pick<Storage, 'getItem'> = localStorage): string | undefined {
  try {
    const kept = JSON.parse(storage.getItem(STORED) ?? 'null') as { endpoint?: unknown; id?: unknown } | null;
    return kept && typeof kept.id === 'string' && (endpoint === undefined || kept.endpoint === endpoint) ? kept.id : undefined;
  } catch {
    return undefined;
  }
}

export function forgetSubscriptionId(storage: Pick<Storage, 'removeItem'> = localStorage): void {
  storage.removeItem(STORED);
}
