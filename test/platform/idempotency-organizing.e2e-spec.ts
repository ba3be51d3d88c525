import { Clock } from '../../src/platform/time/clock';
import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { DocumentedPath, Method, TestApp, bootTestApp } from '../support/test-app';

/**
 * Every organizing write honours an Idempotency-Key: the organizer's phone replays what it
 * queued with the key it made once, so a write whose answer was lost is not made twice.
 */
describe('Idempotency-Key on organizing writes', () => {
  const TODAY = '2026-06-15';
  let t: TestApp;
  let staff: TestUser;
  let organizer: TestUser;
  let federation: string;

  const send = <M extends Method, P extends DocumentedPath<M>>(method: M, path: P, key: string, body: unknown, token = organizer.token) =>
    t.request(method, path, { token, body, headers: { 'Idempotency-Key': key } });
  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;
  const prospectBody = (employerName: string, extra: Record<string, unknown> = {}) => ({
    employerName,
    municipality: '藤沢市',
    estimatedWorkers: 40,
    source: 'outreach',
    assignedOrganizerIds: [organizer.id],
    ...extra,
  });
  const newProspect = async (employerName: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const answer = await t.request('POST', '/prospects', { token: staff.token, body: prospectBody(employerName, extra) });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const visitBody = (summary: string) => ({ occurredOn: TODAY, kind: 'visit', summary });

  /** Sends the same request twice, then once more with another body: same answer, one write, then 409. */
  async function expectOneWrite(
    request: { method: Method; path: DocumentedPath<Method>; body: unknown; other: unknown; token?: string; status: number },
    written: () => Promise<number>,
  ): Promise<void> {
    const key = `key-${request.method}-${request.path}`;
    const before = await written();
    const first = await send(request.method, request.path, key, request.body, request.token);
    expect(first.status).toBe(request.status);
    const again = await send(request.method, request.path, key, request.body, request.token);
    expect(again.status).toBe(request.status);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(await written()).toBe(before + 1);
    const other = await send(request.method, request.path, key, request.other, request.token);
    expect([other.status, other.body.code, other.body.details]).toEqual([
      409,
      'IDEMPOTENCY_KEY_REUSED',
      [{ field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_REUSED', message: 'was already used for a different request' }],
    ]);
    expect(await written()).toBe(before + 1);
  }

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set(TODAY);
    const council = await makeCouncil(t, { municipalities: ['藤沢市'] });
    federation = await makeFederation(t);
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: council });
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST /prospects: the same key twice creates one prospect', async () => {
    await expectOneWrite(
      {
        method: 'POST',
        path: '/prospects',
        body: prospectBody('湘南精工株式会社'),
        other: prospectBody('湘南精工株式会社', { estimatedWorkers: 41 }),
        token: staff.token,
        status: 201,
      },
      () => count('prospects', `employer_name = '湘南精工株式会社'`),
    );
  });

  it('POST /prospects/:id/visits: the same key twice logs one visit', async () => {
    const prospect = await newProspect('藤沢食品株式会社');
    await expectOneWrite(
      { method: 'POST', path: `/prospects/${prospect}/visits`, body: visitBody('門前で声かけ'), other: visitBody('別の内容'), status: 201 },
      () => count('visits', 'prospect_id = $1', [prospect]),
    );
  });

  it('PATCH /visits/:id: the same key twice edits once (the replay is not refused as stale)', async () => {
    const prospect = await newProspect('辻堂電機株式会社');
    const visit = (await send('POST', `/prospects/${prospect}/visits`, 'visit-for-patch', visitBody('初回訪問'))).body;
    const edits = async (): Promise<number> => (await t.db.query(`SELECT version FROM visits WHERE id = $1`, [visit.id]))[0].version;
    await expectOneWrite(
      {
        method: 'PATCH',
        path: `/visits/${visit.id}`,
        body: { supportLevel: 2, version: 1 },
        other: { supportLevel: 3, version: 1 },
        status: 200,
      },
      edits,
    );
    const stored = await t.request('GET', `/visits/${visit.id}`, { token: organizer.token });
    expect(stored.body).toMatchObject({ supportLevel: 2, version: 2 });
  });

  it('POST /consultations: the same key twice records one consultation', async () => {
    const body = { receivedOn: TODAY, channel: 'street', topics: ['hours'], summary: '残業代の相談' };
    await expectOneWrite({ method: 'POST', path: '/consultations', body, other: { ...body, summary: '有給の相談' }, token: staff.token, status: 201 }, () =>
      count('consultations'),
    );
  });

  it('POST /prospects/:id/stage: the same key twice moves once (the replay is not refused as stale)', async () => {
    const prospect = await newProspect('鵠沼物流株式会社');
    await expectOneWrite(
      {
        method: 'POST',
        path: `/prospects/${prospect}/stage`,
        body: { stage: 'contacted', version: 1 },
        other: { stage: 'contacted', note: '別のメモ', version: 1 },
        status: 200,
      },
      () => count('prospect_stage_changes', 'prospect_id = $1', [prospect]),
    );
    expect((await t.request('GET', `/prospects/${prospect}`, { token: organizer.token })).body).toMatchObject({ stage: 'contacted', version: 2 });
  });

  it('POST /prospects/:id/affiliate: the same key twice creates one union and one set of members', async () => {
    const prospect = await newProspect('片瀬運輸株式会社', { stage: 'founded' });
    const body = { unionName: '片瀬運輸労働組合', federationId: federation, members: 30, effectiveOn: '2026-06-01' };
    await expectOneWrite(
      { method: 'POST', path: `/prospects/${prospect}/affiliate`, body, other: { ...body, members: 31 }, token: staff.token, status: 201 },
      () => count('unions', `name = '片瀬運輸労働組合'`),
    );
    expect(await count('membership_changes m JOIN unions u ON u.id = m.union_id', `u.name = '片瀬運輸労働組合'`)).toBe(1);
  });

  it('turns concurrent duplicates of a visit, a stage move and a visit edit into one write each and identical answers', async () => {
    const prospect = await newProspect('江ノ島製作所株式会社');
    const burst = <M extends Method, P extends DocumentedPath<M>>(method: M, path: P, key: string, body: unknown) =>
      Promise.all(Array.from({ length: 20 }, () => send(method, path, key, body)));
    const same = (answers: { status: number; body: unknown }[], status: number): void => {
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(status));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    };

    const visits = await burst('POST', `/prospects/${prospect}/visits`, 'burst-visit', visitBody('同時送信'));
    same(visits, 201);
    expect(await count('visits', 'prospect_id = $1', [prospect])).toBe(1);

    const moves = await burst('POST', `/prospects/${prospect}/stage`, 'burst-stage', { stage: 'contacted', version: 1 });
    same(moves, 200);
    expect(await count('prospect_stage_changes', `prospect_id = $1 AND kind = 'moved'`, [prospect])).toBe(1);

    const visitId = visits[0].body.id;
    const edits = await burst('PATCH', `/visits/${visitId}`, 'burst-edit', { outcome: 'meeting_held', version: 1 });
    same(edits, 200);
    expect((await t.db.query(`SELECT version FROM visits WHERE id = $1`, [visitId]))[0].version).toBe(2);
  });

  it('keeps no key for a refused move, so the same key goes through once the refusal is resolved', async () => {
    const prospect = await newProspect('大船機工株式会社', { assignedOrganizerIds: [] });
    const move = { stage: 'contacted', version: 1 };
    const refused = await send('POST', `/prospects/${prospect}/stage`, 'after-refusal', move);
    expect(refused.status).toBe(403);
    expect(await count('idempotency_keys', `key = 'after-refusal'`)).toBe(0);
    const assigned = await t.request('PATCH', `/prospects/${prospect}`, { token: staff.token, body: { assignedOrganizerIds: [organizer.id], version: 1 } });
    expect(assigned.status).toBe(200);
    const retried = await send('POST', `/prospects/${prospect}/stage`, 'after-refusal', { ...move, version: assigned.body.version });
    expect([retried.status, retried.body.stage]).toEqual([200, 'contacted']);
  });
});
