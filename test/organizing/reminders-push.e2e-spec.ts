import { createECDH, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import webpush from 'web-push';
import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** http_ece has no types: the one call the test makes. */
const ece = createRequire(__filename)('http_ece') as {
  decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ReturnType<typeof createECDH>; authSecret: Buffer }): Buffer;
};

const TODAY = '2026-06-15';

/** A browser's side of one subscription: its P-256 key pair and auth secret, as PushManager makes them. */
function deviceKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return { ecdh, authSecret, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } };
}

interface PushRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on loopback: records each request; answers 201, or 410 for paths under /gone/. */
async function startPushService(): Promise<{ server: Server; origin: string; requests: PushRequest[] }> {
  const requests: PushRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url as string, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = request.url?.startsWith('/gone/') ? 410 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('Web Push (GET /push/public-key, /me/push-subscriptions, the push at the digest hour)', () => {
  let t: TestApp;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let vapid: { publicKey: string; privateKey: string };
  let council: string;
  let staff: TestUser;
  let hanako: TestUser;

  const subscribe = (user: TestUser, body: unknown) => t.request('POST', '/me/push-subscriptions', { token: user.token, body });
  const pushOn = async (user: TestUser, hour: number) => {
    const answer = await t.request('PUT', '/me/notifications', { token: user.token, body: { emailDigest: false, digestHour: hour, push: true } });
    expect(answer.status).toBe(200);
  };
  const due = async (organizer: TestUser, employerName: string) => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: {
        employerName,
        municipality: '横浜市',
        estimatedWorkers: 50,
        source: 'outreach',
        assignedOrganizerIds: [organizer.id],
        nextActionOn: '2026-06-12',
      },
    });
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    push = await startPushService();
    vapid = webpush.generateVAPIDKeys();
    t = await bootTestApp({ vapid: { ...vapid, subject: 'mailto:ops@test.rengo' }, pushAllowedHosts: ['127.0.0.1', '*.push.apple.com'] });
    t.app.get(Clock).set(TODAY);
    council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    hanako = await makeUser(t, 'organizer', { regionalCouncilId: council });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => push.server.close(resolve));
  });

  it('gives browsers the VAPID public key without a credential', async () => {
    const answer = await t.requestUntyped('GET', '/push/public-key');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ available: true, publicKey: vapid.publicKey });
  });

  it('refuses endpoints outside PUSH_ALLOWED_HOSTS, plain http to anything but loopback, and keys that are not a device’s', async () => {
    const { keys } = deviceKeys();
    const refusedHost = async (endpoint: string) => {
      const answer = await subscribe(hanako, { endpoint, keys });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([expect.objectContaining({ field: 'endpoint', code: 'PUSH_HOST_NOT_ALLOWED' })]);
    };
    await refusedHost('https://intranet.office.local/push/1');
    await refusedHost('https://10.0.0.5/push/1');
    await refusedHost('https://fcm.googleapis.com/fcm/send/abc'); // a vendor, but not in this service's list
    await refusedHost('http://web.push.apple.com/abc'); // listed, but not https
    await refusedHost('https://push.apple.com.evil.example/abc');
    const notUrl = await subscribe(hanako, { endpoint: 'not a url', keys });
    expect(notUrl.body.details[0]).toMatchObject({ field: 'endpoint', code: 'INVALID_FORMAT' });
    const badKeys = await subscribe(hanako, { endpoint: 'https://web.push.apple.com/abc', keys: { p256dh: 'AAAA', auth: 'short' } });
    expect(badKeys.status).toBe(400);
    expect(badKeys.body.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`).sort()).toEqual([
      'keys.auth INVALID_PUSH_KEY',
      'keys.p256dh INVALID_PUSH_KEY',
    ]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM push_subscriptions`))[0].n).toBe(0);
  });

  it('pushes an encrypted Japanese message at the digest hour that the device decrypts (aes128gcm, VAPID)', async () => {
    const device = deviceKeys();
    const endpoint = `${push.origin}/device/hanako-phone`;
    const created = await subscribe(hanako, { endpoint, keys: device.keys, expirationTime: null });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ host: new URL(push.origin).host });
    // the same endpoint again (the browser re-subscribing) is the same device
    expect((await subscribe(hanako, { endpoint, keys: device.keys })).body.id).toBe(created.body.id);
    expect((await t.request('GET', '/me/push-subscriptions', { token: hanako.token })).body.items).toHaveLength(1);
    await due(hanako, '鶴見金属工業株式会社');
    await pushOn(hanako, 6);

    const result = await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 6 } });
    expect(result.body).toMatchObject({ pushed: 1, sent: 0 });
    const received = push.requests.filter((r) => r.path === '/device/hanako-phone');
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    const payload = JSON.parse(ece.decrypt(request.body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.authSecret }).toString('utf8'));
    expect(payload).toEqual({ title: 'フォローアップのお知らせ', body: '本日の対応予定 1件（うち期限超過 1件）', url: '/today', tag: 'follow-ups' });
    // no secret of the message is readable on the wire
    expect(request.body.toString('utf8')).not.toContain('today');

    // once a day: a second run pushes nothing more
    expect((await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 6 } })).body).toMatchObject({ pushed: 0 });
    expect(push.requests.filter((r) => r.path === '/device/hanako-phone')).toHaveLength(1);
  });

  it('removes a subscription the push service answers 410 for', async () => {
    const jiro = await makeUser(t, 'organizer', { regionalCouncilId: council });
    const live = deviceKeys();
    const dead = deviceKeys();
    const kept = await subscribe(jiro, { endpoint: `${push.origin}/device/jiro-tablet`, keys: live.keys });
    const gone = await subscribe(jiro, { endpoint: `${push.origin}/gone/jiro-old-phone`, keys: dead.keys });
    expect([kept.status, gone.status]).toEqual([201, 201]);
    await due(jiro, '川崎精機株式会社');
    await pushOn(jiro, 5);
    expect((await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 5 } })).body).toMatchObject({ pushed: 1 });
    expect(push.requests.some((r) => r.path === '/gone/jiro-old-phone')).toBe(true);
    const left = await t.db.query(`SELECT id FROM push_subscriptions WHERE user_id = $1`, [jiro.id]);
    expect(left).toEqual([{ id: kept.body.id }]);
  });

  it('deletes only the caller’s own subscriptions; audited', async () => {
    const device = deviceKeys();
    const mine = await subscribe(staff, { endpoint: `${push.origin}/device/staff-phone`, keys: device.keys });
    expect((await t.request('DELETE', `/me/push-subscriptions/${mine.body.id}`, { token: hanako.token })).status).toBe(404);
    expect((await t.request('DELETE', `/me/push-subscriptions/${mine.body.id}`, { token: staff.token })).status).toBe(204);
    expect((await t.request('DELETE', `/me/push-subscriptions/${mine.body.id}`, { token: staff.token })).status).toBe(404);
    const actions = await t.db.query(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`, [mine.body.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['push_subscription.created', 'push_subscription.deleted']);
  });
});

describe('Web Push without VAPID keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ vapid: undefined });
  });
  afterAll(async () => {
    await t.close();
  });

  it('says so, and refuses subscriptions with a code', async () => {
    expect((await t.requestUntyped('GET', '/push/public-key')).body).toEqual({ available: false, publicKey: null });
    const { keys } = deviceKeys();
    const answer = await t.request('POST', '/me/push-subscriptions', {
      token: t.adminToken,
      body: { endpoint: 'https://fcm.googleapis.com/fcm/send/x', keys },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('PUSH_NOT_AVAILABLE');
    expect((await t.request('GET', '/me/notifications', { token: t.adminToken })).body.pushAvailable).toBe(false);
  });
});
