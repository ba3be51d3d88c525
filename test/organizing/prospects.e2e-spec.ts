import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/prospects: fields, council from municipality, search, sorting, versions, scope', () => {
  let t: TestApp;
  let yokohama: string;
  let kawasaki: string;
  let federation: string;
  let staff: TestUser;
  let kawasakiStaff: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let kawasakiOrganizer: TestUser;

  const create = (body: Record<string, unknown>, token = staff.token) => t.request('POST', '/prospects', { token, body });
  const base = { employerName: '株式会社みなとロジスティクス', estimatedWorkers: 120, source: 'outreach' };

  beforeAll(async () => {
    t = await bootTestApp();
    yokohama = await makeCouncil(t, { municipalities: ['横浜市'] });
    kawasaki = await makeCouncil(t, { municipalities: ['川崎市', '大和市'] });
    await makeCouncil(t, { municipalities: ['大和市'] });
    federation = await makeFederation(t);
    staff = await makeUser(t, 'regional', { regionalCouncilId: yokohama });
    kawasakiStaff = await makeUser(t, 'regional', { regionalCouncilId: kawasaki });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: yokohama });
    otherOrganizer = await makeUser(t, 'organizer', { regionalCouncilId: yokohama });
    kawasakiOrganizer = await makeUser(t, 'organizer', { regionalCouncilId: kawasaki });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a prospect with every field; the council follows from the municipality', async () => {
    const created = await create({
      ...base,
      employerNameKana: 'みなとろじすてぃくす',
      establishmentName: '本牧倉庫',
      municipality: '横浜市',
      targetFederationId: federation,
      workforce: { regular: 40, partTime: 60, fixedTerm: 15, dispatch: 5 },
      assignedOrganizerIds: [organizer.id],
      nextActionOn: '2026-05-15',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      employerNameKana: 'ミナトロジスティクス',
      regionalCouncilId: yokohama,
      workforce: { regular: 40, partTime: 60, fixedTerm: 15, dispatch: 5 },
      source: 'outreach',
      sourceLabel: '訪問・宣伝活動',
      stage: 'identified',
      stageLabel: '候補把握',
      assignedOrganizerIds: [organizer.id],
      nextActionOn: '2026-05-15',
      unionId: null,
      version: 1,
      createdBy: staff.id,
      updatedBy: staff.id,
    });
    const history = await t.request('GET', `/prospects/${created.body.id}/history`, { token: organizer.token });
    expect(history.body.items).toEqual([expect.objectContaining({ kind: 'created', fromStage: null, toStage: 'identified', changedBy: staff.id })]);
  });

  it('answers 400 naming the field for a municipality or council that does not fit, and for wrong organizers', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ municipality: '札幌市' }, 'municipality'],
      [{ municipality: '川崎市', regionalCouncilId: yokohama }, 'regionalCouncilId'],
      [{ municipality: '大和市' }, 'regionalCouncilId'],
      [{}, 'regionalCouncilId'],
      [{ regionalCouncilId: yokohama, assignedOrganizerIds: [kawasakiOrganizer.id] }, 'assignedOrganizerIds'],
      [{ regionalCouncilId: yokohama, assignedOrganizerIds: [staff.id] }, 'assignedOrganizerIds'],
      [{ regionalCouncilId: yokohama, stage: 'affiliated' }, 'stage'],
      [{ regionalCouncilId: yokohama, source: 'rumour' }, 'source'],
      [{ regionalCouncilId: yokohama, workerName: '山田' }, 'workerName'],
    ];
    for (const [extra, field] of cases) {
      const answer = await create({ ...base, ...extra });
      expect([answer.status, answer.body.details?.[0]?.field]).toEqual([400, field]);
    }
    const ambiguousButNamed = await create({ ...base, municipality: '大和市', regionalCouncilId: kawasaki }, kawasakiStaff.token);
    expect(ambiguousButNamed.status).toBe(201);
    const foreign = await create({ ...base, municipality: '川崎市' });
    expect(foreign.status).toBe(403);
  });

  it('finds partial matches in Japanese names and kana, filters and sorts by a whitelist', async () => {
    const mk = async (employerName: string, extra: Record<string, unknown> = {}): Promise<string> =>
      (await create({ ...base, employerName, regionalCouncilId: yokohama, ...extra })).body.id;
    const sakura = await mk('さくら介護サービス有限会社', { employerNameKana: 'サクラカイゴサービス', nextActionOn: '2026-03-01' });
    const aoba = await mk('青葉食品工業', { establishmentName: '港北物流センター', nextActionOn: '2026-02-01', assignedOrganizerIds: [otherOrganizer.id] });
    const kaigo = await mk('横浜介護ネット', { stage: 'engaged' });
    const search = async (query: string): Promise<string[]> =>
      (await t.request('GET', `/prospects?${query}`, { token: staff.token })).body.items.map((p: { id: string }) => p.id);

    expect(await search(`q=${encodeURIComponent('介護')}&sort=employerName`)).toEqual([sakura, kaigo]);
    expect(await search(`q=${encodeURIComponent('かいご')}`)).toEqual([sakura]);
    expect(await search(`q=${encodeURIComponent('物流セン')}`)).toEqual([aoba]);
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search('stage=engaged')).toEqual([kaigo]);
    expect(await search(`assignedOrganizerId=${otherOrganizer.id}`)).toEqual([aoba]);
    expect(await search('nextActionBefore=2026-02-15')).toEqual([aoba]);
    expect(await search(`regionalCouncilId=${yokohama}&sort=nextActionOn&limit=2`)).toEqual([aoba, sakura]);
    expect((await search('sort=-updatedAt&limit=1'))[0]).toBe(kaigo);

    const injected = await t.request('GET', `/prospects?sort=${encodeURIComponent('id; DROP TABLE prospects')}`, { token: staff.token });
    expect([injected.status, injected.body.details[0].field]).toEqual([400, 'sort']);
  });

  it('changes with the version read; a stale version is 409 and changes nothing', async () => {
    const { id } = (await create({ ...base, regionalCouncilId: yokohama })).body;
    const updated = await t.request('PATCH', `/prospects/${id}`, {
      token: staff.token,
      body: { estimatedWorkers: 150, assignedOrganizerIds: [organizer.id, otherOrganizer.id], version: 1 },
    });
    expect(updated.body).toMatchObject({ estimatedWorkers: 150, version: 2, updatedBy: staff.id });
    const stale = await t.request('PATCH', `/prospects/${id}`, { token: staff.token, body: { estimatedWorkers: 1, version: 1 } });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect((await t.request('GET', `/prospects/${id}`, { token: staff.token })).body).toMatchObject({ estimatedWorkers: 150, version: 2 });

    const noStage = await t.request('PATCH', `/prospects/${id}`, { token: staff.token, body: { stage: 'founded' } });
    expect([noStage.status, noStage.body.details[0].field]).toEqual([400, 'stage']);
    const moved = await t.request('PATCH', `/prospects/${id}`, { token: staff.token, body: { municipality: '川崎市' } });
    expect(moved.status).toBe(403);
    const badOrganizer = await t.request('PATCH', `/prospects/${id}`, { token: staff.token, body: { assignedOrganizerIds: [kawasakiOrganizer.id] } });
    expect([badOrganizer.status, badOrganizer.body.details[0].field]).toEqual([400, 'assignedOrganizerIds']);
    const admin = await t.request('PATCH', `/prospects/${id}`, {
      token: t.adminToken,
      body: { municipality: '川崎市', assignedOrganizerIds: [kawasakiOrganizer.id], version: 2 },
    });
    expect(admin.body).toMatchObject({ regionalCouncilId: kawasaki, municipality: '川崎市', version: 3 });
  });

  it('applies scope: other councils 404, leadership reads all, federation users read their targets only', async () => {
    const target = await makeFederation(t);
    const { id } = (await create({ ...base, regionalCouncilId: yokohama, targetFederationId: target })).body;
    const { id: untargeted } = (await create({ ...base, regionalCouncilId: yokohama })).body;
    const leadership = await makeUser(t, 'leadership');
    const fed = await makeUser(t, 'federation', { federationId: target });

    expect((await t.request('GET', `/prospects/${id}`, { token: kawasakiStaff.token })).status).toBe(404);
    expect((await t.request('GET', `/prospects/${id}/history`, { token: kawasakiOrganizer.token })).status).toBe(404);
    const theirs = await t.request('GET', `/prospects?limit=500`, { token: kawasakiStaff.token });
    expect(theirs.body.items.every((p: { regionalCouncilId: string }) => p.regionalCouncilId === kawasaki)).toBe(true);
    expect((await t.request('PATCH', `/prospects/${id}`, { token: kawasakiStaff.token, body: { estimatedWorkers: 3 } })).status).toBe(404);

    expect((await t.request('GET', `/prospects/${id}`, { token: organizer.token })).status).toBe(200);
    expect((await t.request('PATCH', `/prospects/${id}`, { token: organizer.token, body: { estimatedWorkers: 3 } })).status).toBe(403);
    expect((await t.request('GET', `/prospects/${id}`, { token: leadership.token })).status).toBe(200);
    expect((await create({ ...base, regionalCouncilId: yokohama }, leadership.token)).status).toBe(403);

    expect((await t.request('GET', `/prospects/${id}`, { token: fed.token })).status).toBe(200);
    expect((await t.request('GET', `/prospects/${untargeted}`, { token: fed.token })).status).toBe(404);
    const fedList = await t.request('GET', '/prospects', { token: fed.token });
    expect(fedList.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await t.request('PATCH', `/prospects/${id}`, { token: fed.token, body: { estimatedWorkers: 3 } })).status).toBe(403);
    expect((await t.request('GET', `/prospects/${id}`)).status).toBe(401);
  });
});
