import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { queryClient } from '../api/query-client';
import {
  PushSetupError,
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
  queryFn: () => unwrap(api.GET('/api/v1/me/notifications')),
});

/** The settings as the API takes them back, with `changes` applied. */
export const settingsInput = (settings: NotificationSettings, changes: Partial<NotificationSettingsInput> = {}): NotificationSettingsInput => ({
  emailDigest: settings.emailDigest,
  digestHour: settings.digestHour,
  push: settings.push,
  ...changes,
});

export const saveNotificationSettings = (body: NotificationSettingsInput) => unwrap(api.PUT('/api/v1/me/notifications', { body }));

/** The person's secret calendar feed address. */
export const calendarQuery = queryOptions({
  queryKey: notificationKeys.calendar(),
  queryFn: () => unwrap(api.GET('/api/v1/me/calendar')),
});

/** A new feed address; the old one answers 404 from now on. */
export const rotateCalendar = () => unwrap(api.POST('/api/v1/me/calendar/rotate'));

/** The server's VAPID public key (base64url), with which a device subscribes. */
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
export async function turnPushOn(settings: NotificationSettings): Promise<NotificationSettings> {
  const { publicKey } = await pushPublicKey();
  const subscription = await subscribeThisDevice(publicKey);
  const saved = await savePushSubscription(subscription.toJSON());
  rememberSubscriptionId(subscription.endpoint, saved.id);
  return saveNotificationSettings(settingsInput(settings, { push: true }));
}

/** 「プッシュ通知」 turned off here: this device unsubscribed, its subscription deleted, and the person's choice saved. */
export async function turnPushOff(settings: NotificationSettings): Promise<NotificationSettings> {
  const endpoint = await unsubscribeThisDevice();
  const id = rememberedSubscriptionId(endpoint);
  if (id) {
    await deletePushSubscription(id).catch((error: unknown) => {
      // already gone (the push service let it lapse, or it was deleted elsewhere): nothing left to delete
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    });
  }
  forgetSubscriptionId();
  return saveNotificationSettings(settingsInput(settings, { push: false }));
}

async function pushPublicKey(): Promise<{ publicKey: string }> {
  try {
    return await queryClient.fetchQuery(pushPublicKeyQuery);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new PushSetupError('unavailable');
    throw error;
  }
}
