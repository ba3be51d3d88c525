import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { queryClient } from '../api/query-client';
import {
  PushSetupError,
  askPermission,
  currentSubscription,
  forgetSubscriptionId,
  permissionNow,
  rememberSubscriptionId,
  rememberedSubscriptionId,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from './push-device';

/** 通知設定's query keys: a save sets or invalidates `notificationKeys.all`. */
export const notificationKeys = {
  all: ['notifications'] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
  calendar: () => [...notificationKeys.all, 'calendar'] as const,
  publicKey: () => [...notificationKeys.all, 'push-public-key'] as const,
  thisDevice: () => [...notificationKeys.all, 'this-device'] as const,
};

export type NotificationSettings = Schemas['NotificationSettingsDto'];
export type NotificationSettingsInput = Schemas['UpdateNotificationSettingsDto'];

/** The signed-in person's choices (毎朝のメール, its hour, プッシュ通知) and whether this server can send mail and pushes. */
export const notificationSettingsQuery = queryOptions({
  queryKey: notificationKeys.settings(),
  queryFn: () => readNotificationSettings(),
});

/** The settings as they are now on the server, read past the cache (the stale-save flow's reload). */
export const readNotificationSettings = () => unwrap(api.GET('/api/v1/me/notifications'));

/** The settings as the API takes them back (with the version they were read at), with `changes` applied. */
export const settingsInput = (settings: NotificationSettings, changes: Partial<NotificationSettingsInput> = {}): NotificationSettingsInput => ({
  emailDigest: settings.emailDigest,
  digestHour: settings.digestHour,
  push: settings.push,
  version: settings.version,
  ...changes,
});

export const saveNotificationSettings = (body: NotificationSettingsInput) => unwrap(api.PUT('/api/v1/me/notifications', { body }));

/** Only `push` changed, on the settings as they are now: the switch is an act of its own, never a stale save of the other fields. */
const savePushChoice = async (push: boolean) => saveNotificationSettings(settingsInput(await readNotificationSettings(), { push }));

/** The person's secret calendar feed address. */
export const calendarQuery = queryOptions({
  queryKey: notificationKeys.calendar(),
  queryFn: () => unwrap(api.GET('/api/v1/me/calendar')),
});

/** A new feed address; the old one answers 404 from now on. */
export const rotateCalendar = () => unwrap(api.POST('/api/v1/me/calendar/rotate'));

/** The server's VAPID public key (base64url), with which a device subscribes; `available: false` when the server has none. */
export const pushPublicKeyQuery = queryOptions({
  queryKey: notificationKeys.publicKey(),
  queryFn: () => unwrap(api.GET('/api/v1/push/public-key')),
  staleTime: Infinity,
});

/** Stores this device's subscription for the person (its endpoint and keys, as the browser gives them). */
export const savePushSubscription = (subscription: PushSubscriptionJSON) =>
  unwrap(
    api.POST('/api/v1/me/push-subscriptions', {
      body: { endpoint: subscription.endpoint ?? '', keys: { p256dh: subscription.keys?.p256dh ?? '', auth: subscription.keys?.auth ?? '' } },
    }),
  );

export const deletePushSubscription = (id: string) => unwrap(api.DELETE('/api/v1/me/push-subscriptions/{id}', { params: { path: { id } } }));

/** This device as the browser sees it: whether it can push, the permission, and whether it is subscribed now (nothing is asked of the person). */
export const thisDeviceQuery = queryOptions({
  queryKey: notificationKeys.thisDevice(),
  queryFn: async () => ({ permission: permissionNow(), subscription: await currentSubscription().catch(() => null) }),
  networkMode: 'always',
});

/**
 * 「プッシュ通知」 turned on here: permission asked for now (not before), this device
 * subscribed with the server's key, the subscription stored, and the person's choice saved.
 */
export async function turnPushOn(): Promise<NotificationSettings> {
  await askPermission();
  const publicKey = await pushPublicKey();
  const subscription = await subscribeThisDevice(publicKey);
  const saved = await savePushSubscription(subscription.toJSON());
  rememberSubscriptionId(subscription.endpoint, saved.id);
  return savePushChoice(true);
}

/** 「プッシュ通知」 turned off here: this device unsubscribed, its subscription deleted, and the person's choice saved. */
export async function turnPushOff(): Promise<NotificationSettings> {
  const endpoint = await unsubscribeThisDevice();
  const id = rememberedSubscriptionId(endpoint);
  if (id) {
    await deletePushSubscription(id).catch((error: unknown) => {
      // already gone (the push service let it lapse, or it was deleted elsewhere): nothing left to delete
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    });
  }
  forgetSubscriptionId();
  return savePushChoice(false);
}

/** The server's VAPID key, or the reason there is none. */
async function pushPublicKey(): Promise<string> {
  const { available, publicKey } = await queryClient.fetchQuery(pushPublicKeyQuery);
  if (!available || !publicKey) throw new PushSetupError('unavailable');
  return publicKey;
}
