import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical, { VEvent } from 'node-ical';
import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** The service's clock is fixed at this Japan day; day(n) is n days from it. */
const TODAY = '2026-06-15';
const day = (n: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the calendar feed (GET /me/calendar, /calendar/{token}.ics)', () => {
  let t: TestApp;
  let staff: TestUser;
  let hanako: TestUser;
  let jiro: TestUser;
  const prospects: Record<string, string> = {};

  const newProspect = async (employerName: string, organizers: string[], nextActionOn: string | null): Promise<string> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: { employerName, municipality: '横浜市', estimatedWorkers: 50, source: 'outreach', assignedOrganizerIds: organizers, nextActionOn },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  /** The feed as a calendar app fetches it: the URL only, no credential. */
  const fetchFeed = (url: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${t.baseUrl}${new URL(url).pathname}`, { headers });
  const feedUrl = async (user: TestUser): Promise<string> => {
    const answer = await t.request('GET', '/me/calendar', { token: user.token });
    expect(answer.status).toBe(200);
    return answer.body.url;
  };
  const events = (text: string): VEvent[] => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

  beforeAll(async () => {
    // a built console, so that its page fallback is in play
    const consoleDir = mkdtempSync(join(tmpdir(), 'rengo-console-'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    t = await bootTestApp({ publicUrl: 'https://crm.example.jp', consoleDir });
    t.app.get(Clock).set(TODAY);
    const council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    hanako = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: 'オルガナイザー 花子' });
    jiro = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: 'オルガナイザー 次郎' });
    prospects.overdue = await newProspect('鶴見金属工業株式会社', [hanako.id], day(-3));
    prospects.today = await newProspect('川崎精機株式会社', [hanako.id], day(0));
    prospects.friday = await newProspect('横浜倉庫株式会社', [hanako.id], day(4));
    prospects.undated = await newProspect('港北物流株式会社', [hanako.id], null);
    prospects.jiros = await newProspect('戸塚食品株式会社', [jiro.id], day(1));
    // what the last visit found goes into the summary; the visit's words and the people met never leave the service
    const visit = await t.request('POST', `/prospects/${prospects.overdue}/visits`, {
      token: hanako.token,
      body: {
        occurredOn: day(-10),
        kind: 'visit',
        outcome: 'card_exchanged',
        supportLevel: 3,
        summary: '山田太郎さん 090-1234-5678 と面談',
        contactsReached: 2,
      },
    });
    expect(visit.status).toBe(201);
    // the visit set no next action, so the prospect keeps day(-3)
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each person one secret URL outside /api/v1, the same on every asking', async () => {
    const url = await feedUrl(hanako);
    expect(url).toMatch(/^https:\/\/crm\.example\.jp\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await feedUrl(hanako)).toBe(url);
    expect(await feedUrl(jiro)).not.toBe(url);
    // only the token's sha256 and a nonce are stored: the token itself is nowhere in the database
    const token = /calendar\/(.+)\.ics$/.exec(url)?.[1] as string;
    const [row] = await t.db.query(`SELECT nonce, token_hash FROM calendar_feeds WHERE user_id = $1`, [hanako.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("holds an organizer's follow-ups as all-day events on Japan dates with an alarm at 08:00 Tokyo, a Japanese summary and a link", async () => {
    const response = await fetchFeed(await feedUrl(hanako));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    const byProspect = new Map(events(text).map((e) => [e.uid.split('@')[0], e]));
    expect([...byProspect.keys()].sort()).toEqual([prospects.overdue, prospects.today, prospects.friday].sort());

    const friday = byProspect.get(prospects.friday) as VEvent;
    expect(friday.datetype).toBe('date');
    expect(text).toContain(`DTSTART;VALUE=DATE:${day(4).replaceAll('-', '')}`);
    expect(friday.summary).toBe('横浜倉庫株式会社（候補把握）訪問記録なし');
    const url = friday.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe(`https://crm.example.jp/prospects/${prospects.friday}`);
    expect(friday.description).toContain(`https://crm.example.jp/prospects/${prospects.friday}`);
    const alarms = friday.alarms ?? [];
    expect(alarms).toHaveLength(1);
    // 08:00 in Tokyo is 23:00 UTC the day before
    const fridayUtc = new Date(Date.parse(`${day(4)}T08:00:00+09:00`)).toISOString().replace(/[-:]|\.\d{3}/g, '');
    expect(text).toContain(`TRIGGER;VALUE=DATE-TIME:${fridayUtc}`);

    // overdue: shown on today, saying by how much, with what the last visit found
    const overdue = byProspect.get(prospects.overdue) as VEvent;
    expect(text).toContain(`DTSTART;VALUE=DATE:${TODAY.replaceAll('-', '')}`);
    expect(overdue.summary).toBe('【3日超過】鶴見金属工業株式会社（候補把握）前回2026/06/05 訪問：名刺交換（中立）');

    // no worker names, contact details or the visit's words
    for (const secret of ['山田', '090-1234-5678', '面談', 'オルガナイザー', hanako.email]) expect(text).not.toContain(secret);
  });

  it("holds council staff's council-wide follow-ups", async () => {
    const text = await (await fetchFeed(await feedUrl(staff))).text();
    expect(
      events(text)
        .map((e) => e.uid.split('@')[0])
        .sort(),
    ).toEqual([prospects.overdue, prospects.today, prospects.friday, prospects.jiros].sort());
  });

  it('answers 304 to a client whose copy is current (ETag, Last-Modified), and 200 again after a change', async () => {
    const url = await feedUrl(hanako);
    const first = await fetchFeed(url);
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    const same = await fetchFeed(url, { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await fetchFeed(url, { 'if-modified-since': lastModified })).status).toBe(304);

    // the next action moves to Friday: the feed changes, the old ETag no longer matches
    const prospect = await t.request('GET', `/prospects/${prospects.today}`, { token: staff.token });
    const moved = await t.request('PATCH', `/prospects/${prospects.today}`, {
      token: staff.token,
      body: { nextActionOn: day(4), version: prospect.body.version },
    });
    expect(moved.status).toBe(200);
    const after = await fetchFeed(url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const todayEvent = events(await after.text()).find((e) => e.uid.startsWith(prospects.today)) as VEvent;
    expect(
      `${todayEvent.start.getFullYear()}-${String(todayEvent.start.getMonth() + 1).padStart(2, '0')}-${String(todayEvent.start.getDate()).padStart(2, '0')}`,
    ).toBe(day(4));
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('is not the console page, even for a browser asking for HTML, and unknown tokens are 404', async () => {
    const url = await feedUrl(hanako);
    // the console's own routes get the page...
    const page = await fetch(`${t.baseUrl}/today`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // ...a feed never does
    const asBrowser = await fetchFeed(url, { accept: 'text/html,application/xhtml+xml' });
    expect(asBrowser.status).toBe(200);
    expect(asBrowser.headers.get('content-type')).toMatch(/^text\/calendar/);
    for (const path of ['/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/calendar/short.ics', '/calendar/']) {
      const answer = await fetch(`${t.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/json/);
    }
    // and it is not under the API's prefix
    expect((await fetch(`${t.baseUrl}/api/v1${new URL(url).pathname}`)).status).toBe(404);
  });

  it('rotation gives a new URL and the old one answers 404 at once; audited', async () => {
    const old = await feedUrl(jiro);
    expect((await fetchFeed(old)).status).toBe(200);
    const rotated = await t.request('POST', '/me/calendar/rotate', { token: jiro.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(rotated.body.url)).status).toBe(200);
    expect(await feedUrl(jiro)).toBe(rotated.body.url);
    const [event] = await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'calendar_feed.rotated' AND target_id = $1`, [jiro.id]);
    expect(event.actor_id).toBe(jiro.id);
  });

  it('a disabled user: feed 404, token 401, sign-in refused, all at once; enabled again, the feed works', async () => {
    const user = await makeUser(t, 'organizer', {
      regionalCouncilId: (await t.request('GET', '/me', { token: hanako.token })).body.regionalCouncilId as string,
    });
    const url = await feedUrl(user);
    expect((await fetchFeed(url)).status).toBe(200);
    const current = await t.request('GET', `/users/${user.id}`, { token: t.adminToken });
    const disabled = await t.request('PATCH', `/users/${user.id}`, { token: t.adminToken, body: { disabled: true, version: current.body.version } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);

    expect((await fetchFeed(url)).status).toBe(404);
    const me = await t.request('GET', '/me', { token: user.token });
    expect(me.status).toBe(401);
    const login = await t.request('POST', '/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
    const [event] = await t.db.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'user.disabled' AND target_id = $1`, [user.id]);
    expect(event.actor_id).not.toBeNull();
    expect(Object.keys(event.changes)).toContain('disabledAt');

    // an admin cannot disable themselves
    const admin = await t.request('GET', '/me', { token: t.adminToken });
    const self = await t.request('PATCH', `/users/${admin.body.id}`, { token: t.adminToken, body: { disabled: true } });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CANNOT_DISABLE_SELF');

    const enabled = await t.request('PATCH', `/users/${user.id}`, { token: t.adminToken, body: { disabled: false } });
    expect(enabled.body.disabled).toBe(false);
    expect((await fetchFeed(url)).status).toBe(200);
    // the sessions ended by disabling stay ended; signing in again works
    expect((await t.request('GET', '/me', { token: user.token })).status).toBe(401);
    expect((await t.request('GET', '/me', { token: await t.login(user.email, user.password) })).status).toBe(200);
  });
});
