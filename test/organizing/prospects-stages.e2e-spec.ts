import { TestUser, makeCouncil, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/prospects/:id/stage, /reopen and /history: the stage rules', () => {
  let t: TestApp;
  let staff: TestUser;
  let assigned: TestUser;
  let unassigned: TestUser;
  let otherStaff: TestUser;

  const newProspect = async (stage = 'identified'): Promise<string> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: { employerName: '港南精機株式会社', municipality: '横浜市', estimatedWorkers: 80, source: 'referral', stage, assignedOrganizerIds: [assigned.id] },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const move = (id: string, body: Record<string, unknown>, token = assigned.token) => t.request('POST', `/prospects/${id}/stage`, { token, body });
  const current = async (id: string) => (await t.request('GET', `/prospects/${id}`, { token: staff.token })).body;
  /** Moves through the stages in order, each with the version just read. */
  const walk = async (id: string, stages: string[], token = assigned.token): Promise<void> => {
    for (const stage of stages) {
      const answer = await move(id, { stage, version: (await current(id)).version }, token);
      expect([stage, answer.status]).toEqual([stage, 200]);
    }
  };

  beforeAll(async () => {
    t = await bootTestApp();
    const council = await makeCouncil(t, { municipalities: ['横浜市'] });
    staff = await makeUser(t, 'regional', { regionalCouncilId: council, displayName: '横浜 事務局' });
    assigned = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '担当 花子' });
    unassigned = await makeUser(t, 'organizer', { regionalCouncilId: council });
    otherStaff = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves one stage forward or back and keeps every move in the history', async () => {
    const id = await newProspect();
    await walk(id, ['contacted', 'engaged', 'contacted', 'engaged', 'committee']);
    const moved = await move(id, { stage: 'founded', note: '結成大会を開催', version: 6 });
    expect(moved.body).toMatchObject({ stage: 'founded', stageLabel: '結成', version: 7, updatedBy: assigned.id });

    const history = await t.request('GET', `/prospects/${id}/history`, { token: unassigned.token });
    expect(history.body.total).toBe(7);
    expect(history.body.items.map((h: { fromStage: string | null; toStage: string }) => `${h.fromStage}>${h.toStage}`)).toEqual([
      'null>identified',
      'identified>contacted',
      'contacted>engaged',
      'engaged>contacted',
      'contacted>engaged',
      'engaged>committee',
      'committee>founded',
    ]);
    expect(history.body.items[6]).toMatchObject({
      kind: 'moved',
      kindLabel: 'ステージ移行',
      fromStageLabel: '結成準備会',
      toStageLabel: '結成',
      note: '結成大会を開催',
      changedBy: assigned.id,
      changedByName: '担当 花子',
    });
    expect(Date.parse(history.body.items[6].changedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses skipped stages, affiliated by a move, and anything out of lost; nothing changes', async () => {
    const id = await newProspect();
    for (const stage of ['engaged', 'affiliated', 'identified', 'founded']) {
      const refused = await move(id, { stage, version: 1 });
      expect([stage, refused.status, refused.body.code, refused.body.details[0].field]).toEqual([stage, 409, 'ILLEGAL_STAGE_CHANGE', 'stage']);
    }
    const noReason = await move(id, { stage: 'lost', version: 1 });
    expect([noReason.status, noReason.body.details[0].field]).toEqual([400, 'note']);
    expect(await current(id)).toMatchObject({ stage: 'identified', version: 1 });

    expect((await move(id, { stage: 'lost', note: '事業所閉鎖', version: 1 })).status).toBe(200);
    for (const stage of ['identified', 'contacted', 'on_hold']) {
      expect((await move(id, { stage, version: 2 }, staff.token)).status).toBe(409);
    }
    expect((await t.request('GET', `/prospects/${id}/history`, { token: staff.token })).body.total).toBe(2);
  });

  it('pauses on_hold and returns to the stage it was paused at or an earlier one', async () => {
    const id = await newProspect('engaged');
    await walk(id, ['committee', 'on_hold']);
    expect(await current(id)).toMatchObject({ stage: 'on_hold', stageLabel: '保留', heldFromStage: 'committee', heldFromStageLabel: '結成準備会', version: 3 });
    expect((await move(id, { stage: 'founded', version: 3 })).status).toBe(409);
    expect((await move(id, { stage: 'contacted', version: 3 })).body).toMatchObject({ stage: 'contacted', heldFromStage: null });
  });

  it('reopens a lost prospect only by council staff, with a reason', async () => {
    const id = await newProspect('committee');
    const lost = await move(id, { stage: 'lost', note: '中心メンバーが退職', version: (await current(id)).version }, staff.token);
    expect(lost.body.stage).toBe('lost');
    const version = lost.body.version;

    expect((await t.request('POST', `/prospects/${id}/reopen`, { token: assigned.token, body: { stage: 'engaged', note: '再開', version } })).status).toBe(403);
    const noNote = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'engaged', version } });
    expect([noNote.status, noNote.body.details[0].field]).toEqual([400, 'note']);
    const toHold = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'on_hold', note: 'x', version } });
    expect(toHold.status).toBe(400);
    const reopened = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'engaged', note: '新たな相談者', version } });
    expect(reopened.body).toMatchObject({ stage: 'engaged', version: version + 1 });
    const again = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'identified', note: 'x', version: version + 1 } });
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_STAGE_CHANGE']);
    const history = await t.request('GET', `/prospects/${id}/history?limit=1&offset=2`, { token: staff.token });
    expect(history.body).toMatchObject({ total: 3, limit: 1, offset: 2 });
    expect(history.body.items[0]).toMatchObject({ kind: 'reopened', fromStage: 'lost', toStage: 'engaged', note: '新たな相談者', changedBy: staff.id });
  });

  it('lets only assigned organizers and council staff move; others are refused or do not see it', async () => {
    const id = await newProspect();
    const leadership = await makeUser(t, 'leadership');
    expect((await move(id, { stage: 'contacted', version: 1 }, unassigned.token)).status).toBe(403);
    expect((await move(id, { stage: 'contacted', version: 1 }, leadership.token)).status).toBe(403);
    expect((await move(id, { stage: 'contacted', version: 1 }, otherStaff.token)).status).toBe(404);
    expect((await move(id, { stage: 'contacted', version: 1 }, t.adminToken)).status).toBe(200);
    expect((await move(id, { stage: 'engaged', version: 2 }, staff.token)).status).toBe(200);
    expect(await current(id)).toMatchObject({ stage: 'engaged', version: 3 });
  });

  it('answers 409 for a stale version and changes nothing', async () => {
    const id = await newProspect();
    await walk(id, ['contacted']);
    const stale = await move(id, { stage: 'engaged', version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect(await current(id)).toMatchObject({ stage: 'contacted', version: 2 });
    expect((await t.request('GET', `/prospects/${id}/history`, { token: staff.token })).body.total).toBe(2);
    const missing = await move(id, { stage: 'engaged' });
    expect([missing.status, missing.body.details[0].field]).toEqual([400, 'version']);
  });

  it('lets exactly one of two concurrent moves from the same version win', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newProspect();
      const answers = await Promise.all([
        move(id, { stage: 'contacted', version: 1 }, assigned.token),
        move(id, { stage: 'lost', note: '撤退', version: 1 }, staff.token),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409);
      expect(loser?.body.code).toBe('STALE_VERSION');
      const winner = answers.find((a) => a.status === 200);
      expect(await current(id)).toMatchObject({ stage: winner?.body.stage, version: 2 });
      const history = await t.request('GET', `/prospects/${id}/history`, { token: staff.token });
      expect(history.body.items.map((h: { toStage: string }) => h.toStage)).toEqual(['identified', winner?.body.stage]);
    }
  });
});
