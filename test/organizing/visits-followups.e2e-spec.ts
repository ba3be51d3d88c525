import type { QueryRunner } from 'typeorm';
import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** The service's clock is fixed at this Japan day; tokyoDay(n) is n days from it. */
const TODAY = '2026-06-15';
const tokyoDay = (days: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('visits and the follow-up list', () => {
  let t: TestApp;
  let staff: TestUser;
  let hanako: TestUser;
  let jiro: TestUser;

  const newProspect = async (employerName: string, organizers: string[], extra: Record<string, unknown> = {}): Promise<string> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: { employerName, municipality: '横浜市', estimatedWorkers: 50, source: 'outreach', assignedOrganizerIds: organizers, ...extra },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const logVisit = (prospectId: string, body: Record<string, unknown>, token = hanako.token) =>
    t.request('POST', `/prospects/${prospectId}/visits`, { token, body: { occurredOn: tokyoDay(0), kind: 'visit', summary: '事業所前でビラ配布', ...body } });
  const ids = (answer: { body: { items: { id: string }[] } }): string[] => answer.body.items.map((i) => i.id);

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set(TODAY);
    const council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    hanako = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: 'オルガナイザー 花子' });
    jiro = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: 'オルガナイザー 次郎' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs a visit by the caller with labels; its next action becomes the prospect’s', async () => {
    const prospect = await newProspect('鶴見金属工業株式会社', [hanako.id]);
    const visit = await logVisit(prospect, {
      occurredOn: tokyoDay(-1),
      outcome: 'card_exchanged',
      contactsReached: 3,
      supportLevel: 3,
      nextActionOn: tokyoDay(7),
    });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({
      prospectId: prospect,
      employerName: '鶴見金属工業株式会社',
      organizerId: hanako.id,
      organizerName: 'オルガナイザー 花子',
      kindLabel: '訪問',
      outcomeLabel: '名刺交換',
      supportLevel: 3,
      supportLevelLabel: '中立',
      nextActionOn: tokyoDay(7),
      version: 1,
    });
    const after = await t.request('GET', `/prospects/${prospect}`, { token: jiro.token });
    expect(after.body).toMatchObject({ nextActionOn: tokyoDay(7), version: 2, updatedBy: hanako.id });

    await logVisit(prospect, { kind: 'phone', outcome: 'revisit_promised' }, jiro.token);
    expect(ids(await t.request('GET', `/prospects/${prospect}/visits`, { token: staff.token }))).toHaveLength(2);
    const mine = await t.request('GET', `/visits?organizerId=${hanako.id}&prospectId=${prospect}&from=${tokyoDay(-1)}&to=${tokyoDay(-1)}`, {
      token: jiro.token,
    });
    expect(ids(mine)).toEqual([visit.body.id]);
    expect(ids(await t.request('GET', `/visits?organizerId=${hanako.id}&to=${tokyoDay(-2)}`, { token: jiro.token }))).toEqual([]);
  });

  it('logs a visit once per Idempotency-Key; the same key with another body is 409', async () => {
    const prospect = await newProspect('戸塚製菓株式会社', [hanako.id]);
    const send = (summary: string) =>
      t.request('POST', `/prospects/${prospect}/visits`, {
        token: hanako.token,
        headers: { 'Idempotency-Key': 'visit-2026-001' },
        body: { occurredOn: tokyoDay(0), kind: 'phone', summary },
      });
    const first = await send('電話で日程調整');
    const retry = await send('電話で日程調整');
    expect([first.status, retry.status, retry.body.id]).toEqual([201, 201, first.body.id]);
    const other = await send('別の内容');
    expect([other.status, other.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await t.request('GET', `/prospects/${prospect}/visits`, { token: hanako.token })).body.total).toBe(1);
  });

  it('lets only the author edit a visit; checks its days and who may log and read', async () => {
    const prospect = await newProspect('港北電子株式会社', [hanako.id]);
    const { id } = (await logVisit(prospect, { supportLevel: 2 })).body;
    for (const token of [jiro.token, staff.token, t.adminToken]) {
      const refused = await t.request('PATCH', `/visits/${id}`, { token, body: { summary: '書き換え' } });
      expect(refused.status).toBe(403);
    }
    const edited = await t.request('PATCH', `/visits/${id}`, { token: hanako.token, body: { outcome: 'meeting_held', version: 1 } });
    expect(edited.body).toMatchObject({ outcome: 'meeting_held', outcomeLabel: '面談', summary: '事業所前でビラ配布', version: 2 });
    expect((await t.request('PATCH', `/visits/${id}`, { token: hanako.token, body: { supportLevel: 1, version: 1 } })).status).toBe(409);

    const future = await logVisit(prospect, { occurredOn: tokyoDay(2) });
    expect([future.status, future.body.details[0].field]).toEqual([400, 'occurredOn']);
    const backwards = await logVisit(prospect, { occurredOn: tokyoDay(-1), nextActionOn: tokyoDay(-3) });
    expect([backwards.status, backwards.body.details[0].field]).toEqual([400, 'nextActionOn']);
    const badLevel = await logVisit(prospect, { supportLevel: 6 });
    expect([badLevel.status, badLevel.body.details[0].field]).toEqual([400, 'supportLevel']);

    const leadership = await makeUser(t, 'leadership');
    const federation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
    const outsider = await makeUser(t, 'organizer', { regionalCouncilId: await makeCouncil(t) });
    expect((await logVisit(prospect, {}, leadership.token)).status).toBe(403);
    expect((await t.request('GET', `/visits/${id}`, { token: leadership.token })).status).toBe(200);
    expect((await t.request('GET', '/visits', { token: federation.token })).status).toBe(403);
    expect((await logVisit(prospect, {}, outsider.token)).status).toBe(404);
    expect((await t.request('GET', `/visits/${id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.request('PATCH', `/visits/${id}`, { token: outsider.token, body: { summary: 'x' } })).status).toBe(404);
  });

  /**
   * Sends the PATCH while another transaction holds the visit's row and has made `change`
   * without committing it; the change commits once the PATCH waits for a lock. Whether the
   * edit is allowed must be decided from the row as the PATCH writes it, after the change.
   */
  const patchDuringChange = async (id: string, change: (runner: QueryRunner) => Promise<unknown>) => {
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT 1 FROM visits WHERE id = $1 FOR UPDATE', [id]);
      await change(runner);
      const answer = t.request('PATCH', `/visits/${id}`, { token: hanako.token, body: { summary: '競合する書き換え' } });
      const waiting = async (): Promise<boolean> =>
        (await t.db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length > 0;
      while (!(await waiting())) await new Promise((resolve) => setTimeout(resolve, 10));
      await runner.commitTransaction();
      return await answer;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  };
  const summaryOf = async (id: string): Promise<string> => (await t.db.query('SELECT summary FROM visits WHERE id = $1', [id]))[0].summary;

  it('decides who may edit a visit from the visit as it is written, not from an earlier read', async () => {
    const prospect = await newProspect('鶴見化成株式会社', [hanako.id]);
    const byHanako = (await logVisit(prospect, {})).body.id;
    // the visit passes to another author meanwhile: hanako is no longer its author
    const reassigned = await patchDuringChange(byHanako, (runner) => runner.query('UPDATE visits SET organizer_id = $1 WHERE id = $2', [jiro.id, byHanako]));
    expect(reassigned.status).toBe(403);
    expect(await summaryOf(byHanako)).toBe('事業所前でビラ配布');

    // the prospect moves to another council meanwhile: the visit leaves hanako's scope
    const other = await newProspect('川崎精機株式会社', [hanako.id]);
    const moved = (await logVisit(other, {})).body.id;
    const elsewhere = await makeCouncil(t);
    const outOfScope = await patchDuringChange(moved, (runner) =>
      runner.query('UPDATE prospects SET regional_council_id = $1 WHERE id = $2', [elsewhere, other]),
    );
    expect(outOfScope.status).toBe(404);
    expect(await summaryOf(moved)).toBe('事業所前でビラ配布');
  });

  it('lists each organizer’s due and overdue prospects, oldest first; council staff see the council’s', async () => {
    await t.db.query(`UPDATE prospects SET next_action_on = NULL`);
    const overdue = await newProspect('あおば縫製', [hanako.id], { nextActionOn: tokyoDay(-3) });
    const today = await newProspect('いずみ交通', [jiro.id], { nextActionOn: tokyoDay(0) });
    const shared = await newProspect('うみべ倉庫', [hanako.id, jiro.id], { nextActionOn: tokyoDay(-10) });
    await newProspect('えびな製菓', [hanako.id], { nextActionOn: tokyoDay(1) });
    const lost = await newProspect('おだわら商事', [hanako.id], { nextActionOn: tokyoDay(-20) });
    await t.request('POST', `/prospects/${lost}/stage`, { token: staff.token, body: { stage: 'lost', note: '廃業', version: 1 } });

    const forHanako = await t.request('GET', '/follow-ups', { token: hanako.token });
    expect(ids(forHanako)).toEqual([shared, overdue]);
    expect(forHanako.body.items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([10, 3]);
    expect(forHanako.body.items.map((i: { lastVisit: unknown }) => i.lastVisit)).toEqual([null, null]);

    // each follow-up says what the latest visit found (latest day first, whoever logged it)
    await logVisit(shared, { occurredOn: tokyoDay(-12), outcome: 'card_exchanged', supportLevel: 3 }, jiro.token);
    await logVisit(shared, { occurredOn: tokyoDay(-11), outcome: 'meeting_held', supportLevel: 2 });
    await logVisit(shared, { occurredOn: tokyoDay(-13), outcome: 'turned_away', supportLevel: 5 });
    const withVisit = await t.request('GET', '/follow-ups', { token: jiro.token });
    expect(withVisit.body.items[0].lastVisit).toEqual({
      occurredOn: tokyoDay(-11),
      kindLabel: '訪問',
      outcome: 'meeting_held',
      outcomeLabel: '面談',
      supportLevel: 2,
      supportLevelLabel: '支持',
    });
    expect(ids(await t.request('GET', '/follow-ups', { token: jiro.token }))).toEqual([shared, today]);
    expect(ids(await t.request('GET', `/follow-ups?assignedOrganizerId=${hanako.id}`, { token: jiro.token }))).toEqual([shared, overdue]);
    expect(ids(await t.request('GET', '/follow-ups', { token: staff.token }))).toEqual([shared, overdue, today]);
    expect(ids(await t.request('GET', `/follow-ups?assignedOrganizerId=${jiro.id}`, { token: staff.token }))).toEqual([shared, today]);

    const otherStaff = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
    expect(ids(await t.request('GET', '/follow-ups', { token: otherStaff.token }))).toEqual([]);

    // a visit that sets the next action takes the prospect off today's list
    await logVisit(overdue, { outcome: 'meeting_held', nextActionOn: tokyoDay(14) });
    expect(ids(await t.request('GET', '/follow-ups', { token: hanako.token }))).toEqual([shared]);
  });
});
