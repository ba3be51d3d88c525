import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/consultations: street-corner consultations, private to council staff and leadership', () => {
  let t: TestApp;
  let council: string;
  let otherCouncil: string;
  let staff: TestUser;
  let otherStaff: TestUser;

  const valid = {
    receivedOn: '2026-06-10',
    channel: 'street',
    topics: ['non_renewal', 'wages'],
    employerName: '株式会社みなと食品',
    workersConcerned: 12,
    summary: 'パート従業員の雇止めと残業代未払い。職場に同様の不満を持つ人が多い。',
  };
  const post = (body: Record<string, unknown>, token = staff.token) => t.request('POST', '/consultations', { token, body });

  beforeAll(async () => {
    t = await bootTestApp();
    council = await makeCouncil(t, { municipalities: ['横浜市'] });
    otherCouncil = await makeCouncil(t, { municipalities: ['川崎市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    otherStaff = await makeUser(t, 'regional', { regionalCouncilId: otherCouncil });
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a consultation with labels, in the caller’s council, optionally linked to a prospect there', async () => {
    const prospect = await t.request('POST', '/prospects', {
      token: staff.token,
      body: { employerName: '株式会社みなと食品', municipality: '横浜市', estimatedWorkers: 90, source: 'consultation' },
    });
    const created = await post({ ...valid, prospectId: prospect.body.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      regionalCouncilId: council,
      channel: 'street',
      channelLabel: '街頭',
      topics: ['non_renewal', 'wages'],
      topicLabels: ['雇止め', '賃金未払い・賃金'],
      prospectId: prospect.body.id,
      version: 1,
      createdBy: staff.id,
    });
    const updated = await t.request('PATCH', `/consultations/${created.body.id}`, { token: staff.token, body: { topics: ['hours'], version: 1 } });
    expect(updated.body).toMatchObject({ topics: ['hours'], topicLabels: ['労働時間'], version: 2 });
    const stale = await t.request('PATCH', `/consultations/${created.body.id}`, { token: staff.token, body: { summary: 'x', version: 1 } });
    expect(stale.status).toBe(409);

    const elsewhere = await t.request('POST', '/prospects', {
      token: otherStaff.token,
      body: { employerName: '川崎製作所', municipality: '川崎市', estimatedWorkers: 30, source: 'outreach' },
    });
    const foreignLink = await post({ ...valid, prospectId: elsewhere.body.id });
    expect([foreignLink.status, foreignLink.body.details[0].field]).toEqual([400, 'prospectId']);
    expect((await post({ ...valid, regionalCouncilId: otherCouncil })).status).toBe(403);
    const noCouncil = await post(valid, t.adminToken);
    expect([noCouncil.status, noCouncil.body.details[0].field]).toEqual([400, 'regionalCouncilId']);
  });

  it('stores no names or contact details: such fields and text are refused', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ workerName: '山田 太郎' }, 'workerName'],
      [{ phone: '090-1234-5678' }, 'phone'],
      [{ summary: '本人の連絡先 ０９０－１２３４－５６７８ に折り返し' }, 'summary'],
      [{ summary: 'yamada@example.jp に資料を送付' }, 'summary'],
      [{ summary: '〒231-0023 の事業所' }, 'summary'],
      [{ employerName: 'みなと食品 045-223-4567' }, 'employerName'],
      [{ topics: [] }, 'topics'],
      [{ topics: ['gossip'] }, 'topics'],
      [{ channel: 'fax' }, 'channel'],
    ];
    for (const [extra, field] of cases) {
      const answer = await post({ ...valid, ...extra });
      expect([field, answer.status, answer.body.details?.[0]?.field]).toEqual([field, 400, field]);
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM consultations WHERE summary LIKE '%@%' OR summary LIKE '%０９０%'`);
    expect(n).toBe(0);
  });

  it('lets council staff of that council, leadership and admins read; organizers and federation users are refused', async () => {
    const { id } = (await post(valid)).body;
    const leadership = await makeUser(t, 'leadership');
    const organizer = await makeUser(t, 'organizer', { regionalCouncilId: council });
    const federation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });

    for (const token of [staff.token, leadership.token, t.adminToken]) {
      expect((await t.request('GET', `/consultations/${id}`, { token })).status).toBe(200);
    }
    expect((await t.request('GET', `/consultations/${id}`, { token: otherStaff.token })).status).toBe(404);
    const otherList = await t.request('GET', '/consultations', { token: otherStaff.token });
    expect(otherList.body.items).toEqual([]);
    for (const token of [organizer.token, federation.token]) {
      expect((await t.request('GET', `/consultations/${id}`, { token })).status).toBe(403);
      expect((await t.request('GET', '/consultations', { token })).status).toBe(403);
      expect((await post(valid, token)).status).toBe(403);
    }
    expect((await post(valid, leadership.token)).status).toBe(403);
    expect((await t.request('PATCH', `/consultations/${id}`, { token: otherStaff.token, body: { summary: '改ざん' } })).status).toBe(404);

    const filtered = await t.request('GET', `/consultations?topic=wages&from=2026-06-01&to=2026-06-30&regionalCouncilId=${council}`, {
      token: leadership.token,
    });
    expect(filtered.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(filtered.body.items.every((c: { topics: string[] }) => c.topics.includes('wages'))).toBe(true);
  });
});
