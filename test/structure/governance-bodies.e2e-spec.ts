import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/governance-bodies: counts per fiscal year, one composition a year, scope as for unions', () => {
  let t: TestApp;
  let fedX: string;
  let fedY: string;
  let councilA: string;
  let councilB: string;
  let unionXA: string;
  let unionYB: string;
  let xOfficer: TestUser;
  let aStaff: TestUser;
  let leadership: TestUser;
  let organizer: TestUser;

  const body = (organization: Record<string, unknown>, kind = 'executive_committee', name = '執行委員会') => ({ organization, kind, name });
  const create = (token: string, organization: Record<string, unknown>, kind?: string) =>
    t.request('POST', '/governance-bodies', { token, body: body(organization, kind) });
  const counts = { seats: 20, women: 6, men: 13, unspecified: 1, womenQuota: true };

  beforeAll(async () => {
    t = await bootTestApp();
    [fedX, fedY] = [await makeFederation(t, { name: 'X産別' }), await makeFederation(t, { name: 'Y産別' })];
    [councilA, councilB] = [await makeCouncil(t, { name: 'A地域連合' }), await makeCouncil(t, { name: 'B地域連合' })];
    unionXA = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedX });
    unionYB = await makeUnion(t, { regionalCouncilId: councilB, federationId: fedY });
    xOfficer = await makeUser(t, 'federation', { federationId: fedX });
    aStaff = await makeUser(t, 'regional', { regionalCouncilId: councilA });
    leadership = await makeUser(t, 'leadership');
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: councilA });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a body and records a composition as counts; the owner is named in the answer', async () => {
    const created = await create(xOfficer.token, { kind: 'federation', id: fedX });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organization: { kind: 'federation', id: fedX, name: 'X産別' },
      kind: 'executive_committee',
      compositions: [],
      version: 1,
    });
    const put = await t.request('PUT', `/governance-bodies/${created.body.id}/compositions/2026`, { token: xOfficer.token, body: counts });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ fiscalYear: 2026, seats: 20, women: 6, men: 13, unspecified: 1, womenQuota: true, version: 1 });
    const read = await t.request('GET', `/governance-bodies/${created.body.id}`, { token: xOfficer.token });
    expect(read.body.compositions).toEqual([expect.objectContaining({ fiscalYear: 2026, women: 6 })]);
  });

  it('answers 400 naming the four fields with COUNTS_DO_NOT_SUM when women + men + unspecified differ from seats, and writes nothing', async () => {
    const { body: b } = await create(t.adminToken, { kind: 'federation', id: fedX });
    for (const wrong of [
      { ...counts, women: 7 },
      { ...counts, seats: 19 },
      { ...counts, unspecified: 0 },
    ]) {
      const answer = await t.request('PUT', `/governance-bodies/${b.id}/compositions/2026`, { token: t.adminToken, body: wrong });
      expect(answer.status).toBe(400);
      expect(answer.body.details.map((d) => [d.field, d.code])).toEqual([
        ['seats', 'COUNTS_DO_NOT_SUM'],
        ['women', 'COUNTS_DO_NOT_SUM'],
        ['men', 'COUNTS_DO_NOT_SUM'],
        ['unspecified', 'COUNTS_DO_NOT_SUM'],
      ]);
    }
    const negative = await t.request('PUT', `/governance-bodies/${b.id}/compositions/2026`, { token: t.adminToken, body: { ...counts, women: -1, men: 20 } });
    expect([negative.status, negative.body.details[0].field]).toEqual([400, 'women']);
    const badYear = await t.request('PUT', `/governance-bodies/${b.id}/compositions/26`, { token: t.adminToken, body: counts });
    expect([badYear.status, badYear.body.details[0].field]).toEqual([400, 'fiscalYear']);
    const named = await t.request('PUT', `/governance-bodies/${b.id}/compositions/2026`, { token: t.adminToken, body: { ...counts, names: ['山田'] } });
    expect([named.status, named.body.details[0].field]).toEqual([400, 'names']);
    expect((await t.request('GET', `/governance-bodies/${b.id}`, { token: t.adminToken })).body.compositions).toEqual([]);
  });

  it('a second composition for the same year replaces the first; the same counts again change nothing; a stale version is 409', async () => {
    const { body: b } = await create(t.adminToken, { kind: 'confederation' });
    const path = `/governance-bodies/${b.id}/compositions/2025` as const;
    const first = await t.request('PUT', path, { token: t.adminToken, body: counts });
    const second = await t.request('PUT', path, { token: t.adminToken, body: { seats: 21, women: 9, men: 12, unspecified: 0, womenQuota: false } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, seats: 21, women: 9, men: 12, unspecified: 0, womenQuota: false, version: 2 });
    const again = await t.request('PUT', path, { token: t.adminToken, body: { seats: 21, women: 9, men: 12, unspecified: 0, womenQuota: false } });
    expect(again.body).toMatchObject({ version: 2 });
    const rows = await t.db.query(`SELECT fiscal_year, women FROM governance_compositions WHERE body_id = $1`, [b.id]);
    expect(rows).toEqual([{ fiscal_year: 2025, women: 9 }]);
    const events = await t.db.query(`SELECT action, changes FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [first.body.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['governance_composition.recorded', 'governance_composition.replaced']);
    expect(events[1].changes).toMatchObject({ seats: [20, 21], women: [6, 9], womenQuota: [true, false] });
    const stale = await t.request('PUT', path, { token: t.adminToken, body: { ...counts, version: 1 } });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const current = await t.request('PUT', path, { token: t.adminToken, body: { ...counts, version: 2 } });
    expect(current.body).toMatchObject({ version: 3, women: 6 });
    // another year is another composition
    await t.request('PUT', `/governance-bodies/${b.id}/compositions/2026`, { token: t.adminToken, body: counts });
    const read = await t.request('GET', `/governance-bodies/${b.id}`, { token: t.adminToken });
    expect(read.body.compositions.map((c) => c.fiscalYear)).toEqual([2026, 2025]);
  });

  it('names the organization field when it does not fit its kind', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'confederation', id: fedX }, 'organization.id', 'MUST_BE_EMPTY'],
      [{ kind: 'federation' }, 'organization.id', 'REQUIRED'],
      [{ kind: 'federation', id: councilA }, 'organization.id', 'UNKNOWN_REFERENCE'],
      [{ kind: 'union', id: fedX }, 'organization.id', 'UNKNOWN_REFERENCE'],
      [{ kind: 'company' }, 'organization.kind', 'NOT_ONE_OF'],
    ];
    for (const [organization, field, code] of cases) {
      const answer = await create(t.adminToken, organization);
      expect([answer.status, answer.body.details[0].field, answer.body.details[0].code]).toEqual([400, field, code]);
    }
    const badKind = await create(t.adminToken, { kind: 'confederation' }, 'board');
    expect([badKind.status, badKind.body.details[0].field]).toEqual([400, 'kind']);
  });

  it('scope of writes: a federation officer keeps their federation’s and its unions’ bodies, council staff their council’s; leadership the confederation’s', async () => {
    const expectations: [TestUser | 'admin', Record<string, unknown>, number][] = [
      [xOfficer, { kind: 'federation', id: fedX }, 201],
      [xOfficer, { kind: 'union', id: unionXA }, 201],
      [xOfficer, { kind: 'federation', id: fedY }, 403],
      [xOfficer, { kind: 'union', id: unionYB }, 403],
      [xOfficer, { kind: 'regional_council', id: councilA }, 403],
      [xOfficer, { kind: 'confederation' }, 403],
      [aStaff, { kind: 'regional_council', id: councilA }, 201],
      [aStaff, { kind: 'union', id: unionXA }, 201],
      [aStaff, { kind: 'regional_council', id: councilB }, 403],
      [aStaff, { kind: 'federation', id: fedX }, 403],
      [aStaff, { kind: 'confederation' }, 403],
      [leadership, { kind: 'confederation' }, 201],
      [organizer, { kind: 'regional_council', id: councilA }, 403],
    ];
    for (const [who, organization, status] of expectations) {
      const answer = await create(who === 'admin' ? t.adminToken : who.token, organization);
      expect([organization, answer.status]).toEqual([organization, status]);
    }
    const { body: yBody } = await create(t.adminToken, { kind: 'federation', id: fedY });
    const put = await t.request('PUT', `/governance-bodies/${yBody.id}/compositions/2026`, { token: xOfficer.token, body: counts });
    expect(put.status).toBe(404);
    const rename = await t.request('PATCH', `/governance-bodies/${yBody.id}`, { token: aStaff.token, body: { name: '別名' } });
    expect(rename.status).toBe(404);
    const organizerPut = await t.request('PUT', `/governance-bodies/${yBody.id}/compositions/2026`, { token: organizer.token, body: counts });
    expect(organizerPut.status).toBe(403);
  });

  it('scope of reads: each sees its own organization’s bodies and its unions’; an id outside the scope is 404', async () => {
    const { body: yBody } = await create(t.adminToken, { kind: 'federation', id: fedY });
    const { body: bBody } = await create(t.adminToken, { kind: 'regional_council', id: councilB });
    const owners = async (token: string) => {
      const list = await t.request('GET', '/governance-bodies?limit=500', { token });
      return new Set(list.body.items.map((b) => `${b.organization.kind}:${b.organization.id ?? ''}`));
    };
    expect(await owners(xOfficer.token)).toEqual(new Set([`federation:${fedX}`, `union:${unionXA}`]));
    expect(await owners(aStaff.token)).toEqual(new Set([`regional_council:${councilA}`, `union:${unionXA}`]));
    const all = await owners(leadership.token);
    expect(all).toEqual(
      new Set([
        'confederation:',
        `federation:${fedX}`,
        `federation:${fedY}`,
        `union:${unionXA}`,
        `regional_council:${councilA}`,
        `regional_council:${councilB}`,
      ]),
    );
    expect((await t.request('GET', `/governance-bodies/${yBody.id}`, { token: xOfficer.token })).status).toBe(404);
    expect((await t.request('GET', `/governance-bodies/${bBody.id}`, { token: aStaff.token })).status).toBe(404);
    const filtered = await t.request('GET', `/governance-bodies?organizationKind=federation&organizationId=${fedY}`, { token: leadership.token });
    expect(filtered.body.items.every((b) => b.organization.id === fedY)).toBe(true);
    expect(filtered.body.total).toBeGreaterThan(0);
  });

  it('renames and deletes a body with its compositions, audited', async () => {
    const { body: b } = await create(aStaff.token, { kind: 'regional_council', id: councilA }, 'women_committee');
    await t.request('PUT', `/governance-bodies/${b.id}/compositions/2026`, { token: aStaff.token, body: counts });
    const renamed = await t.request('PATCH', `/governance-bodies/${b.id}`, { token: aStaff.token, body: { name: '女性委員会(本部)', version: 1 } });
    expect(renamed.body).toMatchObject({ name: '女性委員会(本部)', version: 2 });
    const stale = await t.request('PATCH', `/governance-bodies/${b.id}`, { token: aStaff.token, body: { name: 'x', version: 1 } });
    expect(stale.status).toBe(409);
    expect((await t.request('DELETE', `/governance-bodies/${b.id}`, { token: aStaff.token })).status).toBe(204);
    expect((await t.request('GET', `/governance-bodies/${b.id}`, { token: aStaff.token })).status).toBe(404);
    expect(await t.db.query(`SELECT 1 FROM governance_compositions WHERE body_id = $1`, [b.id])).toEqual([]);
    const events = await t.db.query(`SELECT action, scope_regional_council_id FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [b.id]);
    expect(events).toEqual([
      { action: 'governance_body.created', scope_regional_council_id: councilA },
      { action: 'governance_body.updated', scope_regional_council_id: councilA },
      { action: 'governance_body.deleted', scope_regional_council_id: councilA },
    ]);
  });

  it('exports the bodies in scope with their latest composition', async () => {
    const csv = await t.requestUntyped('GET', '/governance-bodies?format=csv', { token: xOfficer.token });
    expect(csv.status).toBe(200);
    const [header, ...lines] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe('組織区分,組織,機関,機関名,最新の年度,定数,女性,男性,不明,女性枠');
    expect(lines.every((l) => l.startsWith('構成組織,X産別,') || l.startsWith('組合,'))).toBe(true);
    expect(lines).toContain('構成組織,X産別,執行委員会,執行委員会,2026,20,6,13,1,はい');
  });
});
