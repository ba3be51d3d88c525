import { describe, expect, it } from 'vitest';
import { applicationServerKey, forgetSubscriptionId, pushSupported, rememberSubscriptionId, rememberedSubscriptionId } from './push-device';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('push on this device', () => {
  it('turns the base64url VAPID key into the bytes the browser takes', () => {
    // a P-256 public key is 65 bytes, uncompressed (0x04 first); base64url without padding
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 37) % 256));
    const base64url = Buffer.from(bytes).toString('base64url');
    expect(base64url).not.toContain('=');
    expect(Array.from(applicationServerKey(base64url))).toEqual(Array.from(bytes));
  });

  it('needs a service worker, the Push API and notifications', () => {
    expect(pushSupported({ PushManager: {}, Notification: {}, navigator: { serviceWorker: {} } })).toBe(true);
    // Safari on an iPhone, outside the app added to the home screen
    expect(pushSupported({ Notification: {}, navigator: { serviceWorker: {} } })).toBe(false);
    expect(pushSupported({ PushManager: {}, Notification: {}, navigator: {} })).toBe(false);
  });

  it('keeps the API’s id of the subscription only for its own endpoint', () => {
    const storage = new MemoryStorage();
    expect(rememberedSubscriptionId('https://push.example/a', storage)).toBeUndefined();
    rememberSubscriptionId('https://push.example/a', 'id-1', storage);
    expect(rememberedSubscriptionId('https://push.example/a', storage)).toBe('id-1');
    expect(rememberedSubscriptionId('https://push.example/b', storage)).toBeUndefined();
    expect(rememberedSubscriptionId(undefined, storage)).toBe('id-1');
    forgetSubscriptionId(storage);
    expect(rememberedSubscriptionId(undefined, storage)).toBeUndefined();
    storage.setItem('rengo.pushSubscription', '{not json');
    expect(rememberedSubscriptionId(undefined, storage)).toBeUndefined();
  });
});
