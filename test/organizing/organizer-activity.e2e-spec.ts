import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
const thisMonth = today.slice(0, 7);
/** The last day of the previous month. */
const lastMonthDay = new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('GET /reports/organizer-activity: a month of work per organizer and per council', () => {
  let t: TestApp;
  let x: string;
  let y: string;
  let staffX: TestUser;
  let org1: TestUser;
  let org2: TestUser;
  let idle: TestUser;
  let orgY: TestUser;

  const prospect = async (token: string, municipality: string, organizers: string[], stage = 'identified') =>
    (
      await t.request('POST', '/prospects', {
        token,
        body: { employerName: '株式会社テスト', municipality, estimatedWorkers: 20, source: 'outreach', stage, assignedOrganizerIds: organizers },
      })
    ).body.id;
  const visit = async (token: string, prospectId: string, body: Record<string, unknown>) => {
    const answer = await t.request('POST', `/prospects/${prospectId}/visits`, { token, body: { occurredOn: today, kind: 'visit', summary: '訪問', ...body } });
    expect(answer.status).toBe(201);
  };
  const move = async (token: string, id: string, stage: string) => {
    const { version } = (await t.request('GET', `/prospects/${id}`, { token })).body;
    expect((await t.request('POST', `/prospects/${id}/stage`, { token, body: { stage, version } })).status).toBe(200);
  };
  const activity = async (query: string, token = t.adminToken) => {
    const answer = await t.request('GET', `/reports/organizer-activity?${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const outcomes = (row: { visitsByOutcome: { outcome: string; visits: number }[] }) =>
    Object.fromEntries(row.visitsByOutcome.filter((o) => o.visits > 0).map((o) => [o.outcome, o.visits]));

  beforeAll(async () => {
    t = await bootTestApp();
    x = await makeCouncil(t, { code: 'x', name: 'X地域連合', municipalities: ['横浜市'] });
    y = await makeCouncil(t, { code: 'y', name: 'Y地域連合', municipalities: ['川崎市'] });
    staffX = await makeUser(t, 'regional', { regionalCouncilId: x, displayName: 'X事務局' });
    org1 = await makeUser(t, 'organizer', { regionalCouncilId: x, displayName: 'オルグ1' });
    org2 = await makeUser(t, 'organizer', { regionalCouncilId: x, displayName: 'オルグ2' });
    idle = await makeUser(t, 'organizer', { regionalCouncilId: x, displayName: 'オルグ3' });
    const staffY = await makeUser(t, 'regional', { regionalCouncilId: y });
    orgY = await makeUser(t, 'organizer', { regionalCouncilId: y, displayName: 'オルグY' });

    const p1 = await prospect(staffX.token, '横浜市', [org1.id]);
    await visit(org1.token, p1, { outcome: 'card_exchanged' });
    await visit(org1.token, p1, { kind: 'consultation' });
    await visit(org1.token, p1, { outcome: 'consultation_taken' });
    for (const stage of ['contacted', 'engaged', 'contacted']) await move(org1.token, p1, stage);
    await t.db.query(`INSERT INTO visits (prospect_id, organizer_id, occurred_on, kind, summary) VALUES ($1, $2, $3, 'phone', '先月の電話')`, [
      p1,
      org1.id,
      lastMonthDay,
    ]);

    const p2 = await prospect(staffX.token, '横浜市', [org2.id], 'committee');
    await visit(org2.token, p2, { outcome: 'turned_away' });
    await move(staffX.token, p2, 'founded');
    expect(
      (await t.request('POST', `/prospects/${p2}/affiliate`, { token: staffX.token, body: { unionName: 'テスト労組', members: 10, effectiveOn: today } }))
        .status,
    ).toBe(201);

    const py = await prospect(staffY.token, '川崎市', [orgY.id]);
    await visit(orgY.token, py, { outcome: 'meeting_held' });

    const consultation = { channel: 'street', topics: ['wages'], summary: '賃金の相談' };
    for (const receivedOn of [today, today, lastMonthDay]) {
      await t.request('POST', '/consultations', { token: staffX.token, body: { ...consultation, receivedOn } });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts each organizer’s visits by outcome, consultations, stage advances and foundings', async () => {
    const body = await activity(`month=${thisMonth}`);
    expect(body).toMatchObject({ month: thisMonth, regionalCouncilId: null });
    expect(Date.parse(body.asOf!)).toBeGreaterThan(Date.now() - 600_000);
    const row = (id: string) => body.organizers.find((o: { organizerId: string }) => o.organizerId === id)!;
    expect(row(org1.id)).toMatchObject({ label: 'オルグ1', visits: 3, visitsWithoutOutcome: 1, consultations: 2, stageAdvances: 2, foundings: 0 });
    expect(outcomes(row(org1.id))).toEqual({ card_exchanged: 1, consultation_taken: 1 });
    expect(row(org1.id).visitsByOutcome[0]).toEqual({ outcome: 'turned_away', label: '門前払い', visits: 0 });
    expect(row(org2.id)).toMatchObject({ visits: 1, stageAdvances: 0 });
    expect(row(staffX.id)).toMatchObject({ role: 'regional', roleLabel: '地域連合', visits: 0, stageAdvances: 2, foundings: 1, affiliations: 1 });
    expect(row(idle.id)).toMatchObject({ visits: 0, consultations: 0, stageAdvances: 0, foundings: 0, regionalCouncilId: x });
    expect(row(orgY.id)).toMatchObject({ visits: 1 });
    expect(outcomes(row(orgY.id))).toEqual({ meeting_held: 1 });
  });

  it('adds up per council, with the street-corner consultations of the month', async () => {
    const body = await activity(`month=${thisMonth}`);
    expect(body.councils.map((c: any) => [c.label, c.visits, c.consultations, c.stageAdvances, c.foundings, c.affiliations, c.streetConsultations])).toEqual([
      ['X地域連合', 4, 2, 4, 1, 1, 2],
      ['Y地域連合', 1, 0, 0, 0, 0, 0],
    ]);
    expect(body.total).toMatchObject({ visits: 5, stageAdvances: 4, foundings: 1, streetConsultations: 2 });

    const previous = await activity(`month=${lastMonthDay.slice(0, 7)}`);
    expect(previous.total).toMatchObject({ visits: 1, stageAdvances: 0, streetConsultations: 1 });
    const org1Before = previous.organizers.find((o: { organizerId: string }) => o.organizerId === org1.id);
    expect(org1Before).toMatchObject({ visits: 1, visitsWithoutOutcome: 1 });
  });

  it('keeps council staff and organizers to their council; refuses federation users and bad months', async () => {
    const mine = await activity(`month=${thisMonth}`, staffX.token);
    expect(mine.councils.map((c: { label: string }) => c.label)).toEqual(['X地域連合']);
    expect(mine.organizers.map((o: { label: string }) => o.label).sort()).toEqual(['X事務局', 'オルグ1', 'オルグ2', 'オルグ3']);
    const theirs = await activity(`month=${thisMonth}`, orgY.token);
    expect(theirs.total.visits).toBe(1);
    expect(theirs.organizers.map((o: { label: string }) => o.label)).toEqual(['オルグY']);
    const filtered = await activity(`month=${thisMonth}&regionalCouncilId=${y}`);
    expect(filtered.councils.map((c: { label: string }) => c.label)).toEqual(['Y地域連合']);

    const federation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
    expect((await t.request('GET', `/reports/organizer-activity?month=${thisMonth}`, { token: federation.token })).status).toBe(403);
    const bad = await t.request('GET', '/reports/organizer-activity?month=2025-13', { token: t.adminToken });
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'month']);
  });
});
