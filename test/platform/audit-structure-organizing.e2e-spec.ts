import { TestUser, makeCouncil, makeFederation, makeSector, makeUnion, makeUser } from '../support/factories';
import { ADMIN, TestApp, bootTestApp } from '../support/test-app';

const HIDDEN = '（内容は記録しません）';

/**
 * Every write of structure, organizing, goals, loss reviews and the admin's operations leaves
 * one audit event, written with the change: who, what, where (scope) and the fields before and
 * after; a refused write leaves none; a consultation's or visit's words are never recorded; the
 * 履歴 of a union or a prospect answers whoever may read it and 404 anyone else.
 */
describe('audit events of structure, organizing, insight and admin writes', () => {
  let t: TestApp;
  let adminId: string;
  let council: string;
  let otherCouncil: string;
  let federation: string;
  let staff: TestUser;
  let otherStaff: TestUser;
  let organizer: TestUser;
  let federationUser: TestUser;

  const eventsOf = async (targetId: string, action?: string): Promise<any[]> =>
    t.db.query(`SELECT * FROM audit_events WHERE target_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY occurred_at, id`, [targetId, action ?? null]);
  const countOf = async (targetId: string): Promise<number> => (await eventsOf(targetId)).length;
  const newProspect = async (extra: Record<string, unknown> = {}): Promise<any> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: {
        employerName: '株式会社みなと倉庫',
        municipality: '横浜市',
        estimatedWorkers: 80,
        source: 'outreach',
        assignedOrganizerIds: [organizer.id],
        ...extra,
      },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    adminId = (await t.request('GET', '/me', { token: t.adminToken })).body.id;
    council = await makeCouncil(t, { municipalities: ['横浜市'] });
    otherCouncil = await makeCouncil(t, { municipalities: ['川崎市'] });
    federation = await makeFederation(t);
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    otherStaff = await makeUser(t, 'regional', { regionalCouncilId: otherCouncil });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: council });
    federationUser = await makeUser(t, 'federation', { federationId: federation });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('structure', () => {
    it('records a sector’s, federation’s and council’s creation, change and deletion by the admin', async () => {
      const sector = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'audit-s', name: '監査部門' } });
      expect(sector.status).toBe(201);
      const renamed = await t.request('PATCH', `/sectors/${sector.body.id}`, { token: t.adminToken, body: { name: '監査部門２', version: 1 } });
      expect(renamed.status).toBe(200);
      const fed = await t.request('POST', '/federations', { token: t.adminToken, body: { code: 'audit-f', name: '監査産別', sectorCode: 'audit-s' } });
      expect(fed.status).toBe(201);
      // a refused deletion (the sector still has a federation: 409) leaves no event
      expect((await t.request('DELETE', `/sectors/${sector.body.id}`, { token: t.adminToken })).status).toBe(409);
      expect(await eventsOf(sector.body.id, 'sector.deleted')).toEqual([]);
      const moved = await t.request('PATCH', `/federations/${fed.body.id}`, { token: t.adminToken, body: { sectorCode: await makeSector(t) } });
      expect(moved.status).toBe(200);
      const councilMade = await t.request('POST', '/regional-councils', {
        token: t.adminToken,
        body: { code: 'audit-c', name: '監査地域連合', municipalities: ['大和市'] },
      });
      expect(councilMade.status).toBe(201);
      expect(
        (await t.request('PATCH', `/regional-councils/${councilMade.body.id}`, { token: t.adminToken, body: { municipalities: ['大和市', '綾瀬市'] } })).status,
      ).toBe(200);

      const [created] = await eventsOf(sector.body.id, 'sector.created');
      expect(created).toMatchObject({
        actor_id: adminId,
        actor_email: ADMIN.email,
        actor_role: 'admin',
        target_type: 'sector',
        outcome: 'ok',
        ip: '127.0.0.1',
      });
      expect(created.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.changes).toMatchObject({ code: [null, 'audit-s'], name: [null, '監査部門'] });
      expect((await eventsOf(sector.body.id, 'sector.updated'))[0].changes).toEqual({ name: ['監査部門', '監査部門２'] });
      const [fedMoved] = await eventsOf(fed.body.id, 'federation.updated');
      expect(fedMoved).toMatchObject({ scope_federation_id: fed.body.id });
      expect(fedMoved.changes.sectorCode[0]).toBe('audit-s');
      const [councilChanged] = await eventsOf(councilMade.body.id, 'regional_council.updated');
      expect(councilChanged).toMatchObject({ scope_regional_council_id: councilMade.body.id, changes: { municipalities: [['大和市'], ['大和市', '綾瀬市']] } });

      // a deletion records the fields before
      expect((await t.request('DELETE', `/federations/${fed.body.id}`, { token: t.adminToken })).status).toBe(204);
      expect((await t.request('DELETE', `/sectors/${sector.body.id}`, { token: t.adminToken })).status).toBe(204);
      expect((await t.request('DELETE', `/regional-councils/${councilMade.body.id}`, { token: t.adminToken })).status).toBe(204);
      expect((await eventsOf(sector.body.id, 'sector.deleted'))[0].changes).toMatchObject({ code: ['audit-s', null], name: ['監査部門２', null] });
      expect((await eventsOf(fed.body.id, 'federation.deleted'))[0]).toMatchObject({ actor_id: adminId, scope_federation_id: fed.body.id });
      expect(await eventsOf(councilMade.body.id, 'regional_council.deleted')).toHaveLength(1);
    });

    it('records a union’s creation, change and deletion with its scope; a stale or out-of-scope write leaves no event', async () => {
      const created = await t.request('POST', '/unions', {
        token: staff.token,
        body: { name: 'みなと倉庫労組', regionalCouncilId: council, federationId: federation, employerName: '株式会社みなと倉庫' },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const [event] = await eventsOf(id, 'union.created');
      expect(event).toMatchObject({
        actor_id: staff.id,
        actor_role: 'regional',
        target_type: 'union',
        scope_regional_council_id: council,
        scope_federation_id: federation,
      });
      expect(event.changes).toMatchObject({ name: [null, 'みなと倉庫労組'], status: [null, 'active'], kind: [null, 'enterprise'] });

      const changed = await t.request('PATCH', `/unions/${id}`, { token: staff.token, body: { name: 'みなと倉庫ユニオン', version: 1 } });
      expect(changed.status).toBe(200);
      expect((await eventsOf(id, 'union.updated'))[0].changes).toEqual({ name: ['みなと倉庫労組', 'みなと倉庫ユニオン'] });

      const before = await countOf(id);
      expect((await t.request('PATCH', `/unions/${id}`, { token: staff.token, body: { name: '古い版', version: 1 } })).status).toBe(409);
      expect((await t.request('PATCH', `/unions/${id}`, { token: otherStaff.token, body: { name: '他の地域' } })).status).toBe(404);
      expect((await t.request('PATCH', `/unions/${id}`, { token: staff.token, body: { regionalCouncilId: otherCouncil } })).status).toBe(403);
      expect((await t.request('DELETE', `/unions/${id}`, { token: otherStaff.token })).status).toBe(404);
      expect(await countOf(id)).toBe(before);
      const refusedCreate = await t.request('POST', '/unions', {
        token: staff.token,
        body: { name: '越境労組', regionalCouncilId: otherCouncil, employerName: '越境株式会社' },
      });
      expect(refusedCreate.status).toBe(403);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'union.created' AND changes->'name'->>1 = '越境労組'`))[0].n).toBe(
        0,
      );

      expect((await t.request('DELETE', `/unions/${id}`, { token: staff.token })).status).toBe(204);
      const [deleted] = await eventsOf(id, 'union.deleted');
      expect(deleted).toMatchObject({ actor_id: staff.id, scope_regional_council_id: council });
      expect(deleted.changes.name).toEqual(['みなと倉庫ユニオン', null]);
    });

    it('answers a union’s history (履歴) to whoever may read the union, 404 to anyone else', async () => {
      const id = await makeUnion(t, { regionalCouncilId: council, federationId: federation });
      await t.request('PATCH', `/unions/${id}`, { token: staff.token, body: { municipality: '横浜市' } });
      await t.request('PATCH', `/unions/${id}`, { token: t.adminToken, body: { status: 'dissolved' } });
      for (const token of [staff.token, organizer.token, federationUser.token, t.adminToken]) {
        const history = await t.request('GET', `/unions/${id}/audit`, { token });
        expect(history.status).toBe(200);
        expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['union.updated', 'union.updated']);
        expect(history.body.items[0]).toMatchObject({
          targetType: 'union',
          targetId: id,
          actor: { id: adminId, role: 'admin' },
          changes: { status: ['active', 'dissolved'] },
        });
      }
      const page = await t.request('GET', `/unions/${id}/audit?limit=1`, { token: staff.token });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).not.toBeNull();
      expect((await t.request('GET', `/unions/${id}/audit`, { token: otherStaff.token })).status).toBe(404);
      expect((await t.request('GET', `/unions/${id}/audit`)).status).toBe(401);
    });
  });

  describe('organizing', () => {
    it('records a prospect’s creation, change, stage moves, reopening and affiliation with the union created', async () => {
      const prospect = await newProspect({ targetFederationId: federation });
      const id = prospect.id as string;
      const [created] = await eventsOf(id, 'prospect.created');
      expect(created).toMatchObject({ actor_id: staff.id, target_type: 'prospect', scope_regional_council_id: council, scope_federation_id: federation });
      expect(created.changes).toMatchObject({ employerName: [null, '株式会社みなと倉庫'], stage: [null, 'identified'] });

      expect((await t.request('PATCH', `/prospects/${id}`, { token: staff.token, body: { estimatedWorkers: 95, version: 1 } })).status).toBe(200);
      expect((await eventsOf(id, 'prospect.updated'))[0].changes).toEqual({ estimatedWorkers: [80, 95] });

      const moved = await t.request('POST', `/prospects/${id}/stage`, { token: organizer.token, body: { stage: 'contacted', version: 2 } });
      expect(moved.status).toBe(200);
      const [stageEvent] = await eventsOf(id, 'prospect.stage_changed');
      expect(stageEvent).toMatchObject({ actor_id: organizer.id, actor_role: 'organizer', scope_regional_council_id: council });
      expect(stageEvent.changes.stage).toEqual(['identified', 'contacted']);

      // refused moves (stale version, an illegal jump, someone outside the scope) leave no event
      const before = await countOf(id);
      expect((await t.request('POST', `/prospects/${id}/stage`, { token: organizer.token, body: { stage: 'engaged', version: 2 } })).status).toBe(409);
      expect((await t.request('POST', `/prospects/${id}/stage`, { token: organizer.token, body: { stage: 'founded', version: 3 } })).status).toBe(409);
      expect((await t.request('POST', `/prospects/${id}/stage`, { token: otherStaff.token, body: { stage: 'engaged', version: 3 } })).status).toBe(404);
      expect((await t.request('PATCH', `/prospects/${id}`, { token: federationUser.token, body: { estimatedWorkers: 1 } })).status).toBe(403);
      expect(await countOf(id)).toBe(before);

      const lost = await t.request('POST', `/prospects/${id}/stage`, { token: staff.token, body: { stage: 'lost', note: '事業所移転', version: 3 } });
      expect(lost.status).toBe(200);
      const reopened = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'founded', note: '再び相談あり', version: 4 } });
      expect(reopened.status).toBe(200);
      expect((await eventsOf(id, 'prospect.reopened'))[0].changes.stage).toEqual(['lost', 'founded']);

      const affiliated = await t.request('POST', `/prospects/${id}/affiliate`, {
        token: staff.token,
        body: { unionName: 'みなと倉庫労働組合', unionCode: 'audit-minato', federationId: federation, members: 40, effectiveOn: '2026-04-01', version: 5 },
      });
      expect(affiliated.status).toBe(201);
      const [affiliation] = await eventsOf(id, 'prospect.affiliated');
      expect(affiliation).toMatchObject({ actor_id: staff.id, scope_regional_council_id: council });
      expect(affiliation.changes.stage).toEqual(['founded', 'affiliated']);
      expect(affiliation.changes.unionId).toEqual([null, affiliated.body.union.id]);
      expect(affiliation.details).toEqual({
        union: { id: affiliated.body.union.id, code: 'audit-minato', name: 'みなと倉庫労働組合', federationId: federation, kind: 'enterprise' },
        members: 40,
        effectiveOn: '2026-04-01',
      });
      // one event per call, none of them carrying the stage notes
      expect((await eventsOf(id)).map((e) => e.action)).toEqual([
        'prospect.created',
        'prospect.updated',
        'prospect.stage_changed',
        'prospect.stage_changed',
        'prospect.reopened',
        'prospect.affiliated',
      ]);
      expect(JSON.stringify(await eventsOf(id))).not.toMatch(/事業所移転|再び相談あり/);
    });

    it('records visits with their prospect, never their words, and shows them in the prospect’s history except to federation users', async () => {
      const prospect = await newProspect({ targetFederationId: federation });
      const visit = await t.request('POST', `/prospects/${prospect.id}/visits`, {
        token: organizer.token,
        body: { occurredOn: '2025-06-02', kind: 'visit', outcome: 'card_exchanged', supportLevel: 3, summary: '山田さんが残業代の未払いを話してくれた' },
      });
      expect(visit.status).toBe(201);
      const [created] = await eventsOf(visit.body.id, 'visit.created');
      expect(created).toMatchObject({ actor_id: organizer.id, target_type: 'visit', scope_regional_council_id: council, details: { prospectId: prospect.id } });
      expect(created.changes).toMatchObject({ summary: [null, HIDDEN], supportLevel: [null, 3], outcome: [null, 'card_exchanged'] });

      const edited = await t.request('PATCH', `/visits/${visit.body.id}`, {
        token: organizer.token,
        body: { summary: '佐藤さんも同じ意見', supportLevel: 2, version: 1 },
      });
      expect(edited.status).toBe(200);
      expect((await eventsOf(visit.body.id, 'visit.updated'))[0].changes).toEqual({ summary: [HIDDEN, HIDDEN], supportLevel: [3, 2] });
      expect((await t.request('PATCH', `/visits/${visit.body.id}`, { token: staff.token, body: { supportLevel: 1 } })).status).toBe(403);
      expect(await countOf(visit.body.id)).toBe(2);
      expect(JSON.stringify(await t.db.query(`SELECT * FROM audit_events`))).not.toMatch(/山田|佐藤/);

      const history = await t.request('GET', `/prospects/${prospect.id}/audit`, { token: organizer.token });
      expect(history.status).toBe(200);
      expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['visit.updated', 'visit.created', 'prospect.created']);
      const forFederation = await t.request('GET', `/prospects/${prospect.id}/audit`, { token: federationUser.token });
      expect(forFederation.status).toBe(200);
      expect(forFederation.body.items.map((e: { action: string }) => e.action)).toEqual(['prospect.created']);
      expect((await t.request('GET', `/prospects/${prospect.id}/audit`, { token: otherStaff.token })).status).toBe(404);
      const unrelatedFederation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
      expect((await t.request('GET', `/prospects/${prospect.id}/audit`, { token: unrelatedFederation.token })).status).toBe(404);
    });

    it('records a write retried with the same Idempotency-Key once', async () => {
      const prospect = await newProspect();
      const body = { occurredOn: '2025-06-04', kind: 'phone', summary: '電話で面談の約束' };
      const headers = { 'idempotency-key': `audit-${prospect.id}` };
      const first = await t.request('POST', `/prospects/${prospect.id}/visits`, { token: organizer.token, body, headers });
      const retry = await t.request('POST', `/prospects/${prospect.id}/visits`, { token: organizer.token, body, headers });
      expect([first.status, retry.status, retry.body.id]).toEqual([201, 201, first.body.id]);
      expect(await eventsOf(first.body.id)).toHaveLength(1);
    });

    it('records consultations as changed without ever their words', async () => {
      const summary = '鈴木さんから、突然の雇止めについて相談。職場の仲間にも同じ不安がある';
      const created = await t.request('POST', '/consultations', {
        token: staff.token,
        body: { receivedOn: '2025-06-03', channel: 'street', topics: ['non_renewal'], employerName: '株式会社みなと倉庫', workersConcerned: 3, summary },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const [event] = await eventsOf(id, 'consultation.created');
      expect(event).toMatchObject({ actor_id: staff.id, target_type: 'consultation', scope_regional_council_id: council });
      expect(event.changes).toMatchObject({ summary: [null, HIDDEN], topics: [null, ['non_renewal']], workersConcerned: [null, 3] });

      const edited = await t.request('PATCH', `/consultations/${id}`, {
        token: staff.token,
        body: { summary: '高橋さんの件、組合結成の相談へ', topics: ['non_renewal', 'wages'], version: 1 },
      });
      expect(edited.status).toBe(200);
      expect((await eventsOf(id, 'consultation.updated'))[0].changes).toEqual({
        summary: [HIDDEN, HIDDEN],
        topics: [['non_renewal'], ['non_renewal', 'wages']],
      });
      expect((await t.request('PATCH', `/consultations/${id}`, { token: staff.token, body: { summary: '古い版', version: 1 } })).status).toBe(409);
      expect((await t.request('PATCH', `/consultations/${id}`, { token: otherStaff.token, body: { workersConcerned: 9 } })).status).toBe(404);
      expect(await countOf(id)).toBe(2);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE changes::text ~ '鈴木|高橋|雇止め|組合結成' OR details::text ~ '鈴木|高橋'`,
      );
      expect(n).toBe(0);
    });
  });

  describe('insight', () => {
    it('records goals and their allocations (a child goal’s parent and target), and deletion; a stale change leaves none', async () => {
      const leader = await makeUser(t, 'leadership');
      const goal = { targetOn: '2030-09-30', baselineOn: '2026-04-01', milestones: [] };
      const parent = await t.request('POST', '/goals', { token: leader.token, body: { ...goal, name: '40万', targetMembers: 400_000, scope: {} } });
      const child = await t.request('POST', '/goals', {
        token: leader.token,
        body: { ...goal, name: '横浜', targetMembers: 90_000, scope: { regionalCouncilId: council } },
      });
      expect([parent.status, child.status]).toEqual([201, 201]);
      const [created] = await eventsOf(child.body.id, 'goal.created');
      expect(created).toMatchObject({ actor_id: leader.id, actor_role: 'leadership', target_type: 'goal', scope_regional_council_id: council });
      expect(created.changes).toMatchObject({ name: [null, '横浜'], targetMembers: [null, 90_000] });

      const allocated = await t.request('PATCH', `/goals/${child.body.id}`, {
        token: leader.token,
        body: { parentGoalId: parent.body.id, targetMembers: 95_000, version: 1 },
      });
      expect(allocated.status).toBe(200);
      expect((await eventsOf(child.body.id, 'goal.updated'))[0].changes).toEqual({ parentGoalId: [null, parent.body.id], targetMembers: [90_000, 95_000] });
      expect((await t.request('PATCH', `/goals/${child.body.id}`, { token: leader.token, body: { name: 'stale', version: 1 } })).status).toBe(409);
      expect((await t.request('DELETE', `/goals/${parent.body.id}`, { token: leader.token })).status).toBe(409);
      expect(await countOf(child.body.id)).toBe(2);
      expect(await eventsOf(parent.body.id, 'goal.deleted')).toEqual([]);

      expect((await t.request('DELETE', `/goals/${child.body.id}`, { token: t.adminToken })).status).toBe(204);
      expect((await eventsOf(child.body.id, 'goal.deleted'))[0]).toMatchObject({ actor_id: adminId, changes: { name: ['横浜', null] } });
    });

    it('records loss reviews; another council’s staff are refused and leave no event', async () => {
      const body = {
        regionalCouncilId: council,
        periodFrom: '2025-04',
        periodTo: '2026-03',
        causes: ['resignation'],
        findings: '若年層の退職',
        countermeasures: '懇談会',
      };
      const created = await t.request('POST', '/loss-reviews', { token: staff.token, body });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await eventsOf(id, 'loss_review.created'))[0]).toMatchObject({
        actor_id: staff.id,
        target_type: 'loss_review',
        scope_regional_council_id: council,
      });
      expect((await t.request('PATCH', `/loss-reviews/${id}`, { token: staff.token, body: { countermeasures: '毎月の懇談会', version: 1 } })).status).toBe(200);
      expect((await eventsOf(id, 'loss_review.updated'))[0].changes).toEqual({ countermeasures: ['懇談会', '毎月の懇談会'] });
      expect((await t.request('PATCH', `/loss-reviews/${id}`, { token: otherStaff.token, body: { findings: 'x' } })).status).toBe(403);
      expect((await t.request('DELETE', `/loss-reviews/${id}`, { token: otherStaff.token })).status).toBe(403);
      expect(await countOf(id)).toBe(2);
      expect((await t.request('DELETE', `/loss-reviews/${id}`, { token: staff.token })).status).toBe(204);
      expect((await eventsOf(id, 'loss_review.deleted'))[0].changes.periodFrom).toEqual(['2025-04-01', null]);
    });
  });

  describe('admin', () => {
    it('records a rebuild with its job and what it rebuilds, and the opening of the queue board', async () => {
      const accepted = await t.request('POST', '/admin/aggregations/rebuild', { token: t.adminToken });
      expect(accepted.status).toBe(202);
      const [rebuilt] = await eventsOf(accepted.body.jobId, 'aggregation.rebuilt');
      expect(rebuilt).toMatchObject({ actor_id: adminId, target_type: 'aggregation', outcome: 'ok' });
      expect(rebuilt.details).toMatchObject({ jobId: accepted.body.jobId, levels: expect.arrayContaining(['union', 'regional_council', 'total']) });

      expect((await t.request('POST', '/admin/queues/session', { token: t.adminToken })).status).toBe(204);
      expect((await t.request('POST', '/admin/queues/session', { token: staff.token })).status).toBe(403);
      const opened = await t.db.query(`SELECT * FROM audit_events WHERE action = 'queue_board.opened'`);
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({ actor_id: adminId, actor_role: 'admin', ip: '127.0.0.1' });
      expect(JSON.stringify(opened[0])).not.toMatch(/Bearer|eyJ/);
    });
  });
});
