import { makeCouncil, makeFederation, makeSector, makeUnion, makeUser } from '../support/factories';
import { CallWithBody, DocumentedPath, Method, TestApp, bootTestApp } from '../support/test-app';

describe('/regional-councils and /federations', () => {
  let t: TestApp;
  const admin: CallWithBody = (method, path, body) => t.request(method, path, { token: t.adminToken, body });
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, updates with version and deletes a regional council', async () => {
    const created = await admin('POST', '/regional-councils', { code: 'shonan', name: '湘南地域連合', municipalities: ['藤沢市', '茅ヶ崎市', '寒川町'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'shonan', name: '湘南地域連合', nameEn: null, municipalities: ['藤沢市', '茅ヶ崎市', '寒川町'], version: 1 });
    const id = created.body.id;
    expect((await admin('GET', `/regional-councils/${id}`)).body).toEqual(created.body);

    const updated = await admin('PATCH', `/regional-councils/${id}`, { nameEn: 'Shonan', municipalities: ['藤沢市'], version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ nameEn: 'Shonan', municipalities: ['藤沢市'], name: '湘南地域連合', version: 2 });

    const stale = await admin('PATCH', `/regional-councils/${id}`, { name: '古い', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual([{ field: 'version', code: 'STALE_VERSION', message: 'is not the current version' }]);
    expect((await admin('GET', `/regional-councils/${id}`)).body).toMatchObject({ name: '湘南地域連合', version: 2 });

    expect((await admin('DELETE', `/regional-councils/${id}`)).status).toBe(204);
    expect((await admin('GET', `/regional-councils/${id}`)).status).toBe(404);
    expect((await admin('DELETE', `/regional-councils/${id}`)).status).toBe(404);
  });

  it('lists councils with limit, offset, total and the municipality and q filters', async () => {
    await makeCouncil(t, { code: 'zz-a', name: '相模原地域連合', municipalities: ['相模原市'] });
    await makeCouncil(t, { code: 'zz-b', name: '県央地域連合', municipalities: ['厚木市', '愛川町', '清川村'] });
    await makeCouncil(t, { code: 'zz-c', name: '三浦半島地域連合', municipalities: ['横須賀市', '三浦市'] });

    const first = await admin('GET', '/regional-councils?q=zz-&limit=2&offset=0');
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.body.items.map((c: { code: string }) => c.code)).toEqual(['zz-a', 'zz-b']);
    const second = await admin('GET', '/regional-councils?q=zz-&limit=2&offset=2');
    expect(second.body.items.map((c: { code: string }) => c.code)).toEqual(['zz-c']);

    const byTown = await admin('GET', `/regional-councils?municipality=${encodeURIComponent('愛川町')}`);
    expect(byTown.body.items.map((c: { code: string }) => c.code)).toEqual(['zz-b']);
    const byName = await admin('GET', `/regional-councils?q=${encodeURIComponent('三浦')}`);
    expect(byName.body).toMatchObject({ total: 1, items: [{ code: 'zz-c' }] });
    expect((await admin('GET', '/regional-councils?limit=501')).status).toBe(400);
  });

  it('creates, filters, updates and deletes a federation', async () => {
    await makeSector(t, 'sec-mfg');
    await makeSector(t, 'sec-pub');
    const created = await admin('POST', '/federations', { code: 'jaw', name: '自動車総連', nameEn: 'JAW', sectorCode: 'sec-mfg' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'jaw', name: '自動車総連', nameEn: 'JAW', sectorCode: 'sec-mfg', version: 1 });
    const id = created.body.id;
    await admin('POST', '/federations', { code: 'jichiro', name: '自治労', sectorCode: 'sec-pub' });

    const bySector = await admin('GET', '/federations?sectorCode=sec-mfg');
    expect(bySector.body).toMatchObject({ total: 1, items: [{ code: 'jaw' }] });
    const byName = await admin('GET', `/federations?q=${encodeURIComponent('自治')}&limit=1`);
    expect(byName.body).toMatchObject({ total: 1, limit: 1, items: [{ code: 'jichiro' }] });

    const moved = await admin('PATCH', `/federations/${id}`, { sectorCode: 'sec-pub', version: 1 });
    expect(moved.body).toMatchObject({ sectorCode: 'sec-pub', version: 2 });
    const stale = await admin('PATCH', `/federations/${id}`, { sectorCode: 'sec-mfg', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin('GET', `/federations/${id}`)).body).toMatchObject({ sectorCode: 'sec-pub', version: 2 });

    expect((await admin('DELETE', `/federations/${id}`)).status).toBe(204);
    expect((await admin('GET', `/federations/${id}`)).status).toBe(404);
  });

  it('answers 409 for duplicate codes, naming code', async () => {
    await admin('POST', '/regional-councils', { code: 'dup-c', name: 'A' });
    const council = await admin('POST', '/regional-councils', { code: 'dup-c', name: 'B' });
    expect(council.status).toBe(409);
    expect(council.body.details).toEqual([{ field: 'code', code: 'DUPLICATE', message: 'is already in use' }]);

    const sectorCode = await makeSector(t);
    await admin('POST', '/federations', { code: 'dup-f', name: 'A', sectorCode });
    const federation = await admin('POST', '/federations', { code: 'dup-f', name: 'B', sectorCode });
    expect(federation.status).toBe(409);
    expect(federation.body.details).toEqual([{ field: 'code', code: 'DUPLICATE', message: 'is already in use' }]);
    const other = await admin('POST', '/federations', { code: 'dup-g', name: 'C', sectorCode });
    const renamed = await admin('PATCH', `/federations/${other.body.id}`, { code: 'dup-f' });
    expect(renamed.status).toBe(409);
    expect((await admin('GET', `/federations/${other.body.id}`)).body.code).toBe('dup-g');
  });

  it('refuses to delete a council or federation that is still referenced', async () => {
    const councilWithUnion = await makeCouncil(t);
    await makeUnion(t, { regionalCouncilId: councilWithUnion });
    const res = await admin('DELETE', `/regional-councils/${councilWithUnion}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/unions/);
    expect((await admin('GET', `/regional-councils/${councilWithUnion}`)).status).toBe(200);

    const councilWithUser = await makeCouncil(t);
    await makeUser(t, 'regional', { regionalCouncilId: councilWithUser });
    expect((await admin('DELETE', `/regional-councils/${councilWithUser}`)).status).toBe(409);

    const federationWithUnion = await makeFederation(t);
    await makeUnion(t, { regionalCouncilId: councilWithUnion, federationId: federationWithUnion });
    expect((await admin('DELETE', `/federations/${federationWithUnion}`)).status).toBe(409);
    expect((await admin('GET', `/federations/${federationWithUnion}`)).status).toBe(200);

    const federationWithUser = await makeFederation(t);
    await makeUser(t, 'federation', { federationId: federationWithUser });
    expect((await admin('DELETE', `/federations/${federationWithUser}`)).status).toBe(409);
  });

  it('names the field of invalid input', async () => {
    const sectorCode = await makeSector(t);
    const unknownSector = await admin('POST', '/federations', { code: 'nosec', name: 'X', sectorCode: 'no-such-sector' });
    expect(unknownSector.status).toBe(400);
    expect(unknownSector.body.details).toEqual([{ field: 'sectorCode', code: 'UNKNOWN_REFERENCE', message: 'is not a known sector' }]);
    expect((await admin('GET', '/federations?q=nosec')).body.total).toBe(0);

    const federation = await admin('POST', '/federations', { code: 'okfed', name: 'OK', sectorCode });
    const badPatch = await admin('PATCH', `/federations/${federation.body.id}`, { sectorCode: 'no-such-sector' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.details).toEqual([{ field: 'sectorCode', code: 'UNKNOWN_REFERENCE', message: 'is not a known sector' }]);
    expect((await admin('GET', `/federations/${federation.body.id}`)).body).toMatchObject({ sectorCode, version: 1 });

    const fields = async <M extends Method>(method: M, path: DocumentedPath<M>, body: unknown): Promise<string[]> => {
      const res = await admin(method, path, body);
      expect(res.status).toBe(400);
      return [...new Set(res.body.details.map((d: { field: string }) => d.field))] as string[];
    };
    expect(await fields('POST', '/regional-councils', { code: 'Bad Code!', name: 'X' })).toEqual(['code']);
    expect(await fields('POST', '/regional-councils', { code: 'ok', name: 'X', municipalities: ['藤沢市', 3] })).toEqual(['municipalities']);
    expect(await fields('POST', '/regional-councils', { code: 'ok', name: 'X', colour: 'red' })).toEqual(['colour']);
    expect(await fields('POST', '/federations', { code: 'ok', name: 'X' })).toEqual(['sectorCode']);
    expect(await fields('PATCH', `/federations/${federation.body.id}`, { name: null })).toEqual(['name']);
    expect(await fields('GET', '/regional-councils/not-a-uuid', undefined)).toEqual(['id']);
    expect(await fields('DELETE', '/federations/not-a-uuid', undefined)).toEqual(['id']);
    expect((await admin('GET', '/federations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
