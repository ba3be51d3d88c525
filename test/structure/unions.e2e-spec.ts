import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { LedgerEntry, appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { Clock } from '../../src/platform/time/clock';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { CallWithBody, DocumentedPath, Method, TestApp, bootTestApp } from '../support/test-app';

describe('/unions', () => {
  let t: TestApp;
  let yokohama: string;
  let kawasaki: string;
  let uaZensen: string;
  let jaw: string;
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  const ledger = async (entries: LedgerEntry[]): Promise<void> => {
    await t.db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
    await t.app.get(AggregationService).drain();
  };

  beforeAll(async () => {
    t = await bootTestApp();
    yokohama = await makeCouncil(t, { name: '横浜地域連合', municipalities: ['横浜市'] });
    kawasaki = await makeCouncil(t, { name: '川崎地域連合', municipalities: ['川崎市'] });
    uaZensen = await makeFederation(t, { name: 'UAゼンセン' });
    jaw = await makeFederation(t, { name: '自動車総連' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, updates with version and deletes a union', async () => {
    const body = {
      code: 'u-minato',
      name: 'みなとストア労働組合',
      federationId: uaZensen,
      regionalCouncilId: yokohama,
      employerName: '株式会社みなとストア',
      municipality: '横浜市',
      affiliatedOn: '2019-04-01',
    };
    const created = await admin('POST', '/unions', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      federationName: 'UAゼンセン',
      regionalCouncilName: '横浜地域連合',
      status: 'active',
      kind: 'enterprise',
      currentMembers: 0,
      version: 1,
    });
    const id = created.body.id;
    expect((await admin('GET', `/unions/${id}`)).body).toEqual(created.body);

    const updated = await admin('PATCH', `/unions/${id}`, { status: 'merged', municipality: null, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'merged', municipality: null, name: body.name, version: 2 });

    const stale = await admin('PATCH', `/unions/${id}`, { name: '別の名前', regionalCouncilId: kawasaki, version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin('GET', `/unions/${id}`)).body).toMatchObject({ name: body.name, regionalCouncilId: yokohama, version: 2 });

    expect((await admin('DELETE', `/unions/${id}`)).status).toBe(204);
    expect((await admin('GET', `/unions/${id}`)).status).toBe(404);
    expect((await admin('PATCH', `/unions/${id}`, { name: 'x' })).status).toBe(404);
  });

  it('lists with limit, offset, total and filters by federation, council, status, kind, municipality and name', async () => {
    const council = await makeCouncil(t, { name: '相模原地域連合' });
    const names = ['相模A労働組合', '相模B労働組合', '相模C労働組合'];
    for (const name of names) await makeUnion(t, { regionalCouncilId: council, federationId: jaw, name });
    const general = await makeUnion(t, { regionalCouncilId: council, name: '相模原ユニオン', kind: 'general' });
    await t.db.query(`UPDATE unions SET status = 'dissolved', municipality = '相模原市' WHERE id = $1`, [general]);

    const first = await admin('GET', `/unions?regionalCouncilId=${council}&limit=2&offset=0`);
    expect(first.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(first.body.items.map((u: { name: string }) => u.name)).toEqual(['相模A労働組合', '相模B労働組合']);
    const rest = await admin('GET', `/unions?regionalCouncilId=${council}&limit=2&offset=2`);
    expect(rest.body.items.map((u: { name: string }) => u.name)).toEqual(['相模C労働組合', '相模原ユニオン']);

    const query = async (filter: string): Promise<string[]> =>
      (await admin('GET', `/unions?regionalCouncilId=${council}&${filter}`)).body.items.map((u: { name: string }) => u.name);
    expect(await query(`federationId=${jaw}`)).toEqual(names);
    expect(await query('status=dissolved')).toEqual(['相模原ユニオン']);
    expect(await query('kind=general')).toEqual(['相模原ユニオン']);
    expect(await query(`municipality=${encodeURIComponent('相模原市')}`)).toEqual(['相模原ユニオン']);
    expect(await query(`q=${encodeURIComponent('B労働')}`)).toEqual(['相模B労働組合']);
    expect((await admin('GET', '/unions?status=closed')).status).toBe(400);
  });

  it("answers currentMembers from the ledger up to the Clock's month in Japan", async () => {
    // a month long past: a count up to the real month would take in the later changes
    t.app.get(Clock).set('2025-03-15');
    const id = await makeUnion(t, { regionalCouncilId: kawasaki, federationId: jaw, name: '川崎モーター労働組合' });
    await ledger([
      { unionId: id, effectiveOn: '2024-01-10', delta: 120, cause: 'new_organizing', employmentType: 'regular', gender: 'male' },
      { unionId: id, effectiveOn: '2024-12-01', delta: 15, cause: 'non_regular_enrollment', employmentType: 'part_time', gender: 'female' },
      { unionId: id, effectiveOn: '2025-03-31', delta: -5, cause: 'retirement', employmentType: 'regular', gender: 'male' },
      // changes that take effect from next month on are not counted yet
      { unionId: id, effectiveOn: '2025-04-01', delta: 40, cause: 'new_hire', employmentType: 'regular' },
      { unionId: id, effectiveOn: '2025-09-01', delta: 7, cause: 'new_hire', employmentType: 'regular' },
    ]);
    expect((await admin('GET', `/unions/${id}`)).body.currentMembers).toBe(130);
    const listed = await admin('GET', `/unions?q=${encodeURIComponent('川崎モーター')}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, currentMembers: 130 })]);
    t.app.get(Clock).set('2025-04-01');
    expect((await admin('GET', `/unions/${id}`)).body.currentMembers).toBe(170);
    t.app.get(Clock).set(null);
  });

  it('refuses to delete a union with membership history', async () => {
    const id = await makeUnion(t, { regionalCouncilId: yokohama, federationId: uaZensen });
    await ledger([{ unionId: id, effectiveOn: '2024-04-01', delta: 10, cause: 'new_hire', employmentType: 'regular' }]);
    const res = await admin('DELETE', `/unions/${id}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('UNION_HAS_MEMBERSHIP_HISTORY');
    expect((await admin('GET', `/unions/${id}`)).status).toBe(200);
  });

  it('answers 409 naming code for a duplicate code', async () => {
    const body = { code: 'u-dup', name: 'A労組', regionalCouncilId: yokohama, employerName: '株式会社A' };
    expect((await admin('POST', '/unions', body)).status).toBe(201);
    const dup = await admin('POST', '/unions', { ...body, name: 'B労組' });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toEqual([{ field: 'code', code: 'DUPLICATE', message: 'is already in use' }]);
    expect((await admin('GET', '/unions?q=u-dup')).body.total).toBe(1);
  });

  it('names the field of invalid input and changes nothing', async () => {
    const base = { name: '検証労組', regionalCouncilId: yokohama, employerName: '株式会社検証' };
    const fields = async <M extends Method>(method: M, path: DocumentedPath<M>, body: unknown): Promise<string[]> => {
      const res = await admin(method, path, body);
      expect(res.status).toBe(400);
      return [...new Set(res.body.details.map((d: { field: string }) => d.field))] as string[];
    };
    const unknownId = '00000000-0000-4000-8000-000000000000';
    expect(await fields('POST', '/unions', { ...base, federationId: unknownId })).toEqual(['federationId']);
    expect(await fields('POST', '/unions', { ...base, regionalCouncilId: unknownId })).toEqual(['regionalCouncilId']);
    expect(await fields('POST', '/unions', { ...base, affiliatedOn: '2024-02-30' })).toEqual(['affiliatedOn']);
    expect(await fields('POST', '/unions', { ...base, status: 'closed', kind: 'craft' })).toEqual(['status', 'kind']);
    expect(await fields('POST', '/unions', { ...base, members: 10 })).toEqual(['members']);
    expect(await fields('POST', '/unions', { ...base, kind: 'direct', federationId: jaw })).toEqual(['federationId']);
    expect(await fields('POST', '/unions', { name: '名前だけ' })).toEqual(['regionalCouncilId', 'employerName']);
    expect((await admin('GET', `/unions?q=${encodeURIComponent('検証')}`)).body.total).toBe(0);

    const id = await makeUnion(t, { regionalCouncilId: yokohama, federationId: jaw });
    expect(await fields('PATCH', `/unions/${id}`, { federationId: unknownId })).toEqual(['federationId']);
    expect(await fields('PATCH', `/unions/${id}`, { regionalCouncilId: unknownId })).toEqual(['regionalCouncilId']);
    expect(await fields('PATCH', `/unions/${id}`, { employerName: null })).toEqual(['employerName']);
    expect(await fields('PATCH', `/unions/${id}`, { kind: 'direct' })).toEqual(['federationId']);
    expect(await fields('GET', '/unions/123', undefined)).toEqual(['id']);
    expect((await admin('GET', `/unions/${id}`)).body).toMatchObject({ federationId: jaw, regionalCouncilId: yokohama, kind: 'enterprise', version: 1 });
    expect((await admin('GET', `/unions/${unknownId}`)).status).toBe(404);
    expect((await admin('DELETE', `/unions/${unknownId}`)).status).toBe(404);
  });
});
