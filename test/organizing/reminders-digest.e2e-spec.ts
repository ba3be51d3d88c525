import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeUser } from '../support/factories';
import { TestSmtp, startSmtp } from '../support/smtp';
import { TestApp, bootTestApp } from '../support/test-app';

/** The service's clock is fixed at this Japan day; day(n) is n days from it. */
const TODAY = '2026-06-15';
const day = (n: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const PUBLIC_URL = 'https://crm.example.jp';

describe('the morning e-mail (PUT /me/notifications, POST /admin/digests/run)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let staff: TestUser;
  let hanako: TestUser;
  let jiro: TestUser;
  let council: string;
  const p: Record<string, string> = {};

  const newProspect = async (employerName: string, organizers: string[], nextActionOn: string | null, kana?: string): Promise<string> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: {
        employerName,
        employerNameKana: kana,
        municipality: '横浜市',
        estimatedWorkers: 50,
        source: 'outreach',
        assignedOrganizerIds: organizers,
        nextActionOn,
      },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const turnOn = async (user: TestUser, body: Record<string, unknown>) => {
    const current = await t.request('GET', '/me/notifications', { token: user.token });
    const answer = await t.request('PUT', '/me/notifications', {
      token: user.token,
      body: { emailDigest: true, digestHour: 7, push: false, version: current.body.version, ...body },
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const run = async (hour?: number) => {
    const answer = await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: hour === undefined ? {} : { hour } });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const mailsTo = (user: TestUser) => smtp.received.filter((r) => r.to === user.email);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await bootTestApp({ smtpUrl: smtp.url, mailFrom: '連合神奈川 <noreply@test.rengo>', publicUrl: PUBLIC_URL });
    t.app.get(Clock).set(TODAY);
    council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council, displayName: '地域 事務局' });
    hanako = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '組織 花子' });
    jiro = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '組織 次郎' });
    p.oldest = await newProspect('鶴見金属工業株式会社', [hanako.id], day(-9));
    p.overdue = await newProspect('川崎精機株式会社', [hanako.id], day(-2));
    p.today = await newProspect('横浜倉庫株式会社', [hanako.id], day(0));
    p.future = await newProspect('港北物流株式会社', [hanako.id], day(3));
    p.lost = await newProspect('戸塚食品株式会社', [hanako.id], day(-4));
    p.rescheduled = await newProspect('保土ケ谷化成株式会社', [hanako.id], day(-1));
    p.jiros = await newProspect('磯子電機株式会社', [jiro.id], day(-6));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('starts off, says e-mail is available, and validates the settings with codes', async () => {
    const initial = await t.request('GET', '/me/notifications', { token: hanako.token });
    expect(initial.body).toEqual({
      emailDigest: false,
      digestHour: 7,
      push: false,
      emailAvailable: true,
      pushAvailable: false,
      email: hanako.email,
      pushDevices: 0,
      lastEmail: null,
      lastPush: null,
      version: 0,
    });
    const bad = await t.request('PUT', '/me/notifications', { token: hanako.token, body: { emailDigest: 'yes', digestHour: 24, push: false, colour: 'red' } });
    expect(bad.status).toBe(400);
    const codes = Object.fromEntries(bad.body.details.map((d: { field: string; code: string }) => [d.field, d.code]));
    expect(codes).toMatchObject({ emailDigest: 'NOT_A_BOOLEAN', digestHour: 'OUT_OF_RANGE', colour: 'UNKNOWN_FIELD' });
    expect((await t.request('PUT', '/me/notifications', { token: hanako.token, body: { emailDigest: true, push: false } })).body.details[0]).toMatchObject({
      field: 'digestHour',
    });

    const saved = await turnOn(hanako, { digestHour: 7 });
    expect(saved).toMatchObject({ emailDigest: true, digestHour: 7, version: 1 });
    const stale = await t.request('PUT', '/me/notifications', { token: hanako.token, body: { emailDigest: true, digestHour: 6, push: false, version: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const [event] = await t.db.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'notification_settings.updated' AND target_id = $1`, [
      hanako.id,
    ]);
    expect(event).toMatchObject({ actor_id: hanako.id, changes: { emailDigest: [false, true] } });
  });

  it('sends each person of the hour one e-mail: due and overdue follow-ups oldest first, Japanese subject, text and HTML, links', async () => {
    await turnOn(staff, { digestHour: 7 });
    await turnOn(jiro, { digestHour: 8 });
    // changed after the settings were made and before the hour: read at sending, so not listed
    const lost = await t.request('GET', `/prospects/${p.lost}`, { token: staff.token });
    expect(
      (await t.request('POST', `/prospects/${p.lost}/stage`, { token: staff.token, body: { stage: 'lost', note: '事業所閉鎖', version: lost.body.version } }))
        .status,
    ).toBe(200);
    const moved = await t.request('GET', `/prospects/${p.rescheduled}`, { token: staff.token });
    expect(
      (await t.request('PATCH', `/prospects/${p.rescheduled}`, { token: staff.token, body: { nextActionOn: day(5), version: moved.body.version } })).status,
    ).toBe(200);

    const result = await run(7);
    expect(result).toMatchObject({ sent: 2, skipped: 0, failed: 0, day: TODAY, hour: 7 });
    expect(mailsTo(hanako)).toHaveLength(1);
    expect(mailsTo(jiro)).toHaveLength(0);
    const { mail, raw } = mailsTo(hanako)[0];
    expect(mail.subject).toBe('【フォロー】6/15 対応予定 3件（うち期限超過 2件）');
    // the subject travels encoded (RFC 2047), never as raw 8-bit
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(mail.from?.text).toContain('noreply@test.rengo');
    expect(mail.messageId).toBe(`<digest-${TODAY}-${hanako.id}@crm.example.jp>`);
    const text = mail.text as string;
    const order = ['鶴見金属工業株式会社', '川崎精機株式会社', '横浜倉庫株式会社'].map((name) => text.indexOf(name));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('（9日超過）');
    for (const absent of ['港北物流', '戸塚食品', '保土ケ谷化成', '磯子電機']) expect(text).not.toContain(absent);
    for (const id of [p.oldest, p.overdue, p.today]) {
      expect(text).toContain(`${PUBLIC_URL}/prospects/${id}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/prospects/${id}"`);
    }
    expect(mail.html).toContain(`href="${PUBLIC_URL}/today"`);
    expect(mail.html).toContain('鶴見金属工業株式会社');

    // council staff: the council's follow-ups and its overdue count
    const staffMail = mailsTo(staff)[0].mail;
    expect(staffMail.text).toContain('地域連合全体の期限超過: 3 件');
    expect(staffMail.text).toContain('磯子電機株式会社');
  });

  it('a second run the same day sends nothing more', async () => {
    const before = smtp.received.length;
    expect(await run(7)).toMatchObject({ sent: 0, skipped: 2 });
    expect(smtp.received.length).toBe(before);
    const rows = await t.db.query(`SELECT status, attempts FROM reminder_sends WHERE day = $1 AND channel = 'email' ORDER BY status`, [TODAY]);
    expect(rows).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    // the screen can say how this morning's went
    const settings = await t.request('GET', '/me/notifications', { token: hanako.token });
    expect(settings.body.lastEmail).toMatchObject({ day: TODAY, status: 'sent', statusLabel: '送信済み', items: 3 });
    expect(settings.body.lastPush).toBeNull();
  });

  it('a send the SMTP server refuses is recorded failed and retried by a later run, never doubled', async () => {
    smtp.refuse.add(jiro.email);
    expect(await run(8)).toMatchObject({ sent: 0, failed: 1 });
    const [failed] = await t.db.query(`SELECT status, outcome FROM reminder_sends WHERE user_id = $1 AND day = $2`, [jiro.id, TODAY]);
    expect(failed.status).toBe('failed');
    expect(failed.outcome).toMatch(/451/);
    smtp.refuse.delete(jiro.email);
    // the next hour's run takes up today's failed send
    expect(await run(9)).toMatchObject({ sent: 1 });
    expect(await run(9)).toMatchObject({ sent: 0 });
    expect(await run(8)).toMatchObject({ sent: 0, skipped: 1 });
    expect(mailsTo(jiro)).toHaveLength(1);
    const [row] = await t.db.query(`SELECT status, attempts FROM reminder_sends WHERE user_id = $1 AND day = $2`, [jiro.id, TODAY]);
    expect(row).toEqual({ status: 'sent', attempts: 2 });
  });

  it('nothing due: no e-mail, and the day is done; a disabled person gets none', async () => {
    const idle = await makeUser(t, 'organizer', { regionalCouncilId: council });
    await turnOn(idle, { digestHour: 10 });
    const gone = await makeUser(t, 'organizer', { regionalCouncilId: council });
    await newProspect('金沢精工株式会社', [gone.id], day(-1));
    await turnOn(gone, { digestHour: 10 });
    expect((await t.request('PATCH', `/users/${gone.id}`, { token: t.adminToken, body: { disabled: true } })).status).toBe(200);
    const before = smtp.received.length;
    expect(await run(10)).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.received.length).toBe(before);
  });

  it('is for admins only', async () => {
    const answer = await t.request('POST', '/admin/digests/run', { token: staff.token, body: {} });
    expect(answer.status).toBe(403);
    const bad = await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 25 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'hour', code: 'OUT_OF_RANGE' });
  });
});

describe('the morning e-mail without SMTP_URL', () => {
  let t: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await bootTestApp({ smtpUrl: undefined });
    t.app.get(Clock).set(TODAY);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('tells the console e-mail is not available and sends nothing', async () => {
    const council = await makeCouncil(t, { municipalities: ['横浜市'] });
    const staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    const created = await t.request('POST', '/prospects', {
      token: staff.token,
      body: {
        employerName: '鶴見金属工業株式会社',
        municipality: '横浜市',
        estimatedWorkers: 50,
        source: 'outreach',
        assignedOrganizerIds: [],
        nextActionOn: day(-1),
      },
    });
    expect(created.status).toBe(201);
    const saved = await t.request('PUT', '/me/notifications', { token: staff.token, body: { emailDigest: true, digestHour: 7, push: false } });
    expect(saved.body).toMatchObject({ emailDigest: true, emailAvailable: false, pushAvailable: false });
    const result = await t.request('POST', '/admin/digests/run', { token: t.adminToken, body: { hour: 7 } });
    expect(result.body).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM reminder_sends`))[0].n).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});
