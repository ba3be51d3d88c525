import type { Role } from '../../src/platform/common/auth/roles';
import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { DocumentedPath, Method, TestApp, bootTestApp } from '../support/test-app';

/**
 * Unions by role and scope: councils A and B, federations X and Y, one union in each
 * pair. Regional staff and organizers of A see A's unions, federation users of X see
 * X's; a union outside the scope answers 404 like an unknown id.
 */
describe('roles and scope on /unions', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let councilA: string;
  let councilB: string;
  let fedX: string;
  let fedY: string;
  const unions = {} as Record<'AX' | 'AY' | 'BX' | 'BY', string>;

  const call = <M extends Method, P extends DocumentedPath<M>>(role: Role, method: M, path: P, body?: unknown) =>
    t.request(method, path, { token: tokens[role], body });
  const read = async (id: string) => (await t.request('GET', `/unions/${id}`, { token: t.adminToken })).body;
  const visible = async (role: Role, query = ''): Promise<string[]> =>
    (await call(role, 'GET', `/unions?limit=500${query}`)).body.items.map((u: { id: string }) => u.id).sort();
  const sorted = (...keys: (keyof typeof unions)[]): string[] => keys.map((k) => unions[k]).sort();

  beforeAll(async () => {
    t = await bootTestApp();
    councilA = await makeCouncil(t);
    councilB = await makeCouncil(t);
    fedX = await makeFederation(t);
    fedY = await makeFederation(t);
    unions.AX = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedX });
    unions.AY = await makeUnion(t, { regionalCouncilId: councilA, federationId: fedY });
    unions.BX = await makeUnion(t, { regionalCouncilId: councilB, federationId: fedX });
    unions.BY = await makeUnion(t, { regionalCouncilId: councilB, federationId: fedY });
    tokens.admin = t.adminToken;
    tokens.leadership = (await makeUser(t, 'leadership')).token;
    tokens.regional = (await makeUser(t, 'regional', { regionalCouncilId: councilA })).token;
    tokens.organizer = (await makeUser(t, 'organizer', { regionalCouncilId: councilA })).token;
    tokens.federation = (await makeUser(t, 'federation', { federationId: fedX })).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token', async () => {
    expect((await t.request('GET', '/unions')).status).toBe(401);
    expect((await t.request('GET', `/unions/${unions.AX}`)).status).toBe(401);
    expect((await t.request('PATCH', `/unions/${unions.AX}`, { body: { name: 'x' } })).status).toBe(401);
    expect((await t.request('DELETE', `/unions/${unions.AX}`)).status).toBe(401);
  });

  it.each([
    ['admin', ['AX', 'AY', 'BX', 'BY']],
    ['leadership', ['AX', 'AY', 'BX', 'BY']],
    ['regional', ['AX', 'AY']],
    ['organizer', ['AX', 'AY']],
    ['federation', ['AX', 'BX']],
  ] as [Role, (keyof typeof unions)[]][])('%s reads exactly the unions of its scope', async (role, keys) => {
    const list = await call(role, 'GET', '/unions?limit=500');
    expect(list.body.total).toBe(keys.length);
    expect(await visible(role)).toEqual(sorted(...keys));
    for (const key of Object.keys(unions) as (keyof typeof unions)[]) {
      expect((await call(role, 'GET', `/unions/${unions[key]}`)).status).toBe(keys.includes(key) ? 200 : 404);
    }
  });

  it('filters cannot widen the scope', async () => {
    expect(await visible('regional', `&regionalCouncilId=${councilB}`)).toEqual([]);
    expect(await visible('organizer', `&federationId=${fedY}`)).toEqual([unions.AY]);
    expect(await visible('federation', `&federationId=${fedY}`)).toEqual([]);
  });

  it.each(['leadership', 'organizer'] as Role[])('%s may not write unions (403) and nothing changes', async (role) => {
    const before = await read(unions.AX);
    const created = await call(role, 'POST', '/unions', { name: `${role}労組`, regionalCouncilId: councilA, employerName: '株式会社X' });
    expect(created.status).toBe(403);
    expect((await call(role, 'PATCH', `/unions/${unions.AX}`, { name: 'changed' })).status).toBe(403);
    expect((await call(role, 'DELETE', `/unions/${unions.AX}`)).status).toBe(403);
    expect(await read(unions.AX)).toEqual(before);
    expect((await call('admin', 'GET', `/unions?q=${encodeURIComponent(`${role}労組`)}`)).body.total).toBe(0);
  });

  it('regional staff write only unions of their council and keep them there', async () => {
    const own = await call('regional', 'POST', '/unions', { name: '地域A新労組', regionalCouncilId: councilA, federationId: fedY, employerName: '株式会社A' });
    expect(own.status).toBe(201);
    const elsewhere = await call('regional', 'POST', '/unions', { name: '地域B新労組', regionalCouncilId: councilB, employerName: '株式会社B' });
    expect(elsewhere.status).toBe(403);
    expect((await call('admin', 'GET', `/unions?q=${encodeURIComponent('地域B新労組')}`)).body.total).toBe(0);

    const renamed = await call('regional', 'PATCH', `/unions/${own.body.id}`, { name: '地域A改名労組', federationId: fedX });
    expect(renamed.body).toMatchObject({ name: '地域A改名労組', federationId: fedX, version: 2 });
    const moved = await call('regional', 'PATCH', `/unions/${own.body.id}`, { regionalCouncilId: councilB, name: '移動' });
    expect(moved.status).toBe(403);
    expect(await read(own.body.id)).toMatchObject({ regionalCouncilId: councilA, name: '地域A改名労組', version: 2 });

    const before = await read(unions.BX);
    expect((await call('regional', 'PATCH', `/unions/${unions.BX}`, { name: 'changed' })).status).toBe(404);
    expect((await call('regional', 'DELETE', `/unions/${unions.BX}`)).status).toBe(404);
    expect(await read(unions.BX)).toEqual(before);
    expect((await call('regional', 'DELETE', `/unions/${own.body.id}`)).status).toBe(204);
  });

  it('federation users write only unions of their federation and keep them in it', async () => {
    const own = await call('federation', 'POST', '/unions', {
      name: '産別X新労組',
      regionalCouncilId: councilB,
      federationId: fedX,
      employerName: '株式会社X',
    });
    expect(own.status).toBe(201);
    const other = await call('federation', 'POST', '/unions', {
      name: '産別Y新労組',
      regionalCouncilId: councilB,
      federationId: fedY,
      employerName: '株式会社Y',
    });
    expect(other.status).toBe(403);
    const none = await call('federation', 'POST', '/unions', { name: '直加盟労組', regionalCouncilId: councilB, employerName: '株式会社Z', kind: 'direct' });
    expect(none.status).toBe(403);
    expect((await call('admin', 'GET', `/unions?q=${encodeURIComponent('産別Y新労組')}`)).body.total).toBe(0);

    const relocated = await call('federation', 'PATCH', `/unions/${own.body.id}`, { regionalCouncilId: councilA });
    expect(relocated.body).toMatchObject({ regionalCouncilId: councilA, version: 2 });
    expect((await call('federation', 'PATCH', `/unions/${own.body.id}`, { federationId: fedY })).status).toBe(403);
    expect((await call('federation', 'PATCH', `/unions/${own.body.id}`, { federationId: null })).status).toBe(403);
    expect(await read(own.body.id)).toMatchObject({ federationId: fedX, version: 2 });

    const before = await read(unions.AY);
    expect((await call('federation', 'PATCH', `/unions/${unions.AY}`, { name: 'changed' })).status).toBe(404);
    expect((await call('federation', 'DELETE', `/unions/${unions.AY}`)).status).toBe(404);
    expect(await read(unions.AY)).toEqual(before);
    expect((await call('federation', 'DELETE', `/unions/${own.body.id}`)).status).toBe(204);
  });

  it('admins write any union, anywhere', async () => {
    const created = await call('admin', 'POST', '/unions', {
      name: '管理者作成労組',
      regionalCouncilId: councilB,
      federationId: fedY,
      employerName: '株式会社W',
    });
    expect(created.status).toBe(201);
    const moved = await call('admin', 'PATCH', `/unions/${created.body.id}`, { regionalCouncilId: councilA, federationId: fedX });
    expect(moved.body).toMatchObject({ regionalCouncilId: councilA, federationId: fedX });
    expect((await call('admin', 'DELETE', `/unions/${created.body.id}`)).status).toBe(204);
  });
});
