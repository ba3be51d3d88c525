import type { Role } from '../../src/platform/common/auth/roles';
import { makeCouncil, makeFederation, makeSector, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/** Sectors, federations and regional councils: reference data every role reads and only admins write. */
describe('roles on reference data', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  const ids = {} as Record<'sectors' | 'federations' | 'regional-councils', string>;
  let sectorCode: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sectorCode = await makeSector(t, 'sec-ref');
    const [{ id: sectorId }] = await t.db.query(`SELECT id FROM sectors WHERE code = $1`, [sectorCode]);
    ids.sectors = sectorId;
    ids.federations = await makeFederation(t, { code: 'fed-ref', sectorCode });
    ids['regional-councils'] = await makeCouncil(t, { code: 'council-ref' });
    tokens.admin = t.adminToken;
    tokens.leadership = (await makeUser(t, 'leadership')).token;
    tokens.regional = (await makeUser(t, 'regional', { regionalCouncilId: ids['regional-councils'] })).token;
    tokens.federation = (await makeUser(t, 'federation', { federationId: ids.federations })).token;
    tokens.organizer = (await makeUser(t, 'organizer', { regionalCouncilId: ids['regional-councils'] })).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const resources = ['sectors', 'federations', 'regional-councils'] as const;
  const newBody = (resource: (typeof resources)[number], code: string): Record<string, unknown> =>
    resource === 'federations' ? { code, name: '新規', sectorCode } : { code, name: '新規' };

  it('refuses every call without a token with 401', async () => {
    for (const resource of resources) {
      const id = ids[resource];
      expect((await t.request('GET', `/${resource}`)).status).toBe(401);
      expect((await t.request('GET', `/${resource}/${id}`)).status).toBe(401);
      expect((await t.request('POST', `/${resource}`, { body: newBody(resource, 'anon') })).status).toBe(401);
      expect((await t.request('PATCH', `/${resource}/${id}`, { body: { name: 'anon' } })).status).toBe(401);
      expect((await t.request('DELETE', `/${resource}/${id}`)).status).toBe(401);
    }
  });

  it.each(['admin', 'leadership', 'regional', 'federation', 'organizer'] as Role[])('lets %s read every resource', async (role) => {
    for (const resource of resources) {
      const list = await t.request('GET', `/${resource}`, { token: tokens[role] });
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).toContain(ids[resource]);
      expect((await t.request('GET', `/${resource}/${ids[resource]}`, { token: tokens[role] })).status).toBe(200);
    }
  });

  it.each(['leadership', 'regional', 'federation', 'organizer'] as Role[])('refuses writes by %s with 403 and changes nothing', async (role) => {
    for (const resource of resources) {
      const id = ids[resource];
      const before = (await t.request('GET', `/${resource}/${id}`, { token: t.adminToken })).body;
      const created = await t.request('POST', `/${resource}`, { token: tokens[role], body: newBody(resource, `by-${role}`) });
      expect(created.status).toBe(403);
      expect(created.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect((await t.request('PATCH', `/${resource}/${id}`, { token: tokens[role], body: { name: role } })).status).toBe(403);
      expect((await t.request('DELETE', `/${resource}/${id}`, { token: tokens[role] })).status).toBe(403);
      expect((await t.request('GET', `/${resource}/${id}`, { token: t.adminToken })).body).toEqual(before);
      expect((await t.request('GET', `/${resource}?q=by-${role}`, { token: t.adminToken })).body.total).toBe(0);
    }
  });

  it('lets admin write every resource', async () => {
    for (const resource of resources) {
      const created = await t.request('POST', `/${resource}`, { token: t.adminToken, body: newBody(resource, `adm-${resource}`) });
      expect(created.status).toBe(201);
      const patched = await t.request('PATCH', `/${resource}/${created.body.id}`, { token: t.adminToken, body: { name: '改名' } });
      expect(patched.body).toMatchObject({ name: '改名', version: 2 });
      expect((await t.request('DELETE', `/${resource}/${created.body.id}`, { token: t.adminToken })).status).toBe(204);
    }
  });
});
