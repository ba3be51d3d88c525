import { createECDH, randomBytes } from 'node:crypto';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Job, Queue } from 'bullmq';
import webpush from 'web-push';
import { DIGEST_JOB, DigestJobData, REMINDERS_QUEUE } from '../../src/organizing/reminders/digest.processor';
import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeUser } from '../support/factories';
import { TestSmtp, startSmtp } from '../support/smtp';
import { TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, startWorker, waitFor } from '../support/worker-process';

const TODAY = '2026-06-15';
const day = (n: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Hours no job scheduler fires in while the test runs (the worker's hourly scheduler runs the real current hour). */
const tokyoHourNow = (Number(new Date().toISOString().slice(11, 13)) + 9) % 24;
const quietHour = (offset: number): number => (tokyoHourNow + 6 + offset) % 24;

/**
 * The morning e-mail run by the real worker (src/worker.ts, its own process): two workers
 * taking the same hour's jobs, a worker killed with a message half sent, and follow-ups
 * changed after the run was scheduled. Each person gets one message a day.
 */
describe('the morning e-mail in the worker', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let queue: Queue<DigestJobData>;
  let council: string;
  let staff: TestUser;
  const workers: WorkerProcess[] = [];
  const vapid = webpush.generateVAPIDKeys();
  /** A push service on loopback that counts the requests per device path. */
  const pushes: string[] = [];
  const pushService: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      pushes.push(request.url as string);
      response.statusCode = 201;
      response.end();
    });
  });
  const env = (): Record<string, string> => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'noreply@test.rengo',
    PUBLIC_URL: 'https://crm.example.jp',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@test.rengo',
    PUSH_ALLOWED_HOSTS: '127.0.0.1',
  });

  const person = async (hour: number, dueCount: number): Promise<TestUser> => {
    const user = await makeUser(t, 'organizer', { regionalCouncilId: council });
    for (let i = 0; i < dueCount; i++) {
      const created = await t.request('POST', '/prospects', {
        token: staff.token,
        body: {
          employerName: `株式会社テスト${i}`,
          municipality: '横浜市',
          estimatedWorkers: 20,
          source: 'outreach',
          assignedOrganizerIds: [user.id],
          nextActionOn: day(-i),
        },
      });
      expect(created.status).toBe(201);
    }
    const saved = await t.request('PUT', '/me/notifications', { token: user.token, body: { emailDigest: true, digestHour: hour, push: false } });
    expect(saved.status).toBe(200);
    return user;
  };
  const finished = async (jobs: Job[]): Promise<void> => {
    await waitFor(
      'the digest jobs to finish',
      async () => (await Promise.all(jobs.map((job) => job.getState()))).every((state) => state === 'completed' || state === 'failed'),
      60_000,
    );
    for (const job of jobs) expect(await job.getState()).toBe('completed');
  };
  const enqueue = (hour: number, count = 1, delay = 0): Promise<Job<DigestJobData>[]> =>
    Promise.all(Array.from({ length: count }, () => queue.add(DIGEST_JOB, { day: TODAY, hour }, { delay })));

  beforeAll(async () => {
    await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
    smtp = await startSmtp();
    t = await bootTestApp({ smtpUrl: smtp.url });
    t.app.get(Clock).set(TODAY);
    queue = new Queue(REMINDERS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await queue.obliterate({ force: true });
    await queue.close();
    await t.close();
    await smtp.close();
    await new Promise((resolve) => pushService.close(resolve));
  });

  it('two workers taking the same hour six times over: one message per person', async () => {
    const hour = quietHour(0);
    const people = await Promise.all(Array.from({ length: 8 }, () => person(hour, 2)));
    // three of them with push on and a device each (written straight to the table: the test app itself has no VAPID keys)
    const port = (pushService.address() as AddressInfo).port;
    for (const p of people.slice(0, 3)) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      await t.db.query(`UPDATE notification_settings SET push = true WHERE user_id = $1`, [p.id]);
      await t.db.query(`INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)`, [
        p.id,
        `http://127.0.0.1:${port}/device/${p.id}`,
        ecdh.getPublicKey().toString('base64url'),
        randomBytes(16).toString('base64url'),
      ]);
    }
    // one after the other: two starting at once on a busy machine may take longer than a start is given
    for (const name of ['worker-1', 'worker-2']) workers.push(await startWorker(t, name, { env: env() }));
    await finished(await enqueue(hour, 6));
    const counts = smtp.countsByRecipient();
    expect(people.map((p) => counts[p.email] ?? 0)).toEqual(people.map(() => 1));
    const rows = await t.db.query(`SELECT status, attempts FROM reminder_sends WHERE day = $1 AND channel = 'email' AND user_id = ANY($2::uuid[])`, [
      TODAY,
      people.map((p) => p.id),
    ]);
    expect(rows).toHaveLength(8);
    expect(rows.every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    // and each device one push
    expect(people.slice(0, 3).map((p) => pushes.filter((path) => path === `/device/${p.id}`).length)).toEqual([1, 1, 1]);
    expect(pushes).toHaveLength(3);
    // both workers took jobs of the hour
    expect(workers.every((w) => /"digest":/.test(w.output()))).toBe(true);
  });

  it('a follow-up moved or given a new date after the run was scheduled is not in the message', async () => {
    const hour = quietHour(1);
    const user = await person(hour, 3);
    const [job] = await enqueue(hour, 1, 3000);
    const mine = await t.db.query<{ id: string; name: string; version: number }[]>(
      `SELECT id, employer_name AS name, version FROM prospects WHERE $1 = ANY(assigned_organizer_ids) ORDER BY next_action_on`,
      [user.id],
    );
    // the oldest is given up (lost), the next moved to next week; only the third stays due
    expect(
      (await t.request('POST', `/prospects/${mine[0].id}/stage`, { token: staff.token, body: { stage: 'lost', note: '撤退', version: mine[0].version } }))
        .status,
    ).toBe(200);
    expect(
      (await t.request('PATCH', `/prospects/${mine[1].id}`, { token: staff.token, body: { nextActionOn: day(7), version: mine[1].version } })).status,
    ).toBe(200);
    await finished([job]);
    const mails = smtp.received.filter((r) => r.to === user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.subject).toContain('対応予定 1件');
    expect(mails[0].mail.text).toContain(mine[2].name);
    expect(mails[0].mail.text).not.toContain(`prospects/${mine[0].id}`);
    expect(mails[0].mail.text).not.toContain(`prospects/${mine[1].id}`);
  });

  it('a worker killed while the SMTP server holds a message: the next run sends it, and each person still gets one', async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    const hour = quietHour(2);
    const people = await Promise.all(Array.from({ length: 3 }, () => person(hour, 1)));
    const a = await startWorker(t, 'worker-A', { env: { ...env(), DIGEST_CLAIM_LEASE_SECONDS: '1' } });
    workers.push(a);
    const held = smtp.holdNext();
    await enqueue(hour);
    const heldFor = await held;
    await a.kill();
    workers.splice(workers.indexOf(a), 1);
    const claimed = await t.db.query(
      `SELECT u.email, r.status FROM reminder_sends r JOIN users u ON u.id = r.user_id WHERE r.day = $1 AND r.status = 'claimed'`,
      [TODAY],
    );
    expect(claimed).toEqual([{ email: heldFor, status: 'claimed' }]);
    expect(smtp.received.some((r) => r.to === heldFor)).toBe(false);

    // the claim is older than the lease when the next run looks: it is taken over and sent once
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const b = await startWorker(t, 'worker-B', { env: { ...env(), DIGEST_CLAIM_LEASE_SECONDS: '1' } });
    workers.push(b);
    await finished(await enqueue(hour));
    const counts = smtp.countsByRecipient();
    expect(people.map((p) => counts[p.email] ?? 0)).toEqual([1, 1, 1]);
    const [row] = await t.db.query(`SELECT r.status, r.attempts FROM reminder_sends r JOIN users u ON u.id = r.user_id WHERE u.email = $1`, [heldFor]);
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    // a further run the same day (the killed worker's job retried, the next hour) sends nothing more
    await finished(await enqueue(hour));
    expect(people.map((p) => smtp.countsByRecipient()[p.email] ?? 0)).toEqual([1, 1, 1]);
  });
});
