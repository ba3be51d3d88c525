import { makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('GET /regional-councils/:id/organizers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists a council's active organizers by name, without e-mail addresses, to its own staff and organizers, admin and leadership", async () => {
    const council = await makeCouncil(t);
    const other = await makeCouncil(t);
    const suzuki = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '鈴木 一郎' });
    const aoki = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '青木 花子' });
    const gone = await makeUser(t, 'organizer', { regionalCouncilId: council, displayName: '退職 済' });
    await t.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [gone.id]);
    await makeUser(t, 'organizer', { regionalCouncilId: other, displayName: '他 地域' });
    const staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    const leadership = await makeUser(t, 'leadership');
    const otherStaff = await makeUser(t, 'regional', { regionalCouncilId: other });
    const otherOrganizer = await makeUser(t, 'organizer', { regionalCouncilId: other });
    const federation = await makeUser(t, 'federation', { federationId: await makeFederation(t) });

    const expected = {
      items: [
        { id: aoki.id, displayName: '青木 花子' },
        { id: suzuki.id, displayName: '鈴木 一郎' },
      ].sort((a, b) => (a.displayName < b.displayName ? -1 : 1)),
    };
    for (const token of [t.adminToken, leadership.token, staff.token, suzuki.token]) {
      const answer = await t.request('GET', `/regional-councils/${council}/organizers`, { token });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expected);
      expect(JSON.stringify(answer.body)).not.toContain('@');
    }

    expect((await t.request('GET', `/regional-councils/${council}/organizers`, { token: otherStaff.token })).status).toBe(404);
    expect((await t.request('GET', `/regional-councils/${council}/organizers`, { token: otherOrganizer.token })).status).toBe(404);
    expect((await t.request('GET', `/regional-councils/${council}/organizers`, { token: federation.token })).status).toBe(403);
    expect((await t.request('GET', `/regional-councils/${council}/organizers`)).status).toBe(401);
    expect((await t.request('GET', '/regional-councils/00000000-0000-4000-8000-000000000000/organizers', { token: t.adminToken })).status).toBe(404);
    expect((await t.request('GET', '/regional-councils/not-a-uuid/organizers', { token: t.adminToken })).status).toBe(400);
  });

  it('answers an empty list for a council without organizers', async () => {
    const council = await makeCouncil(t);
    await makeUser(t, 'regional', { regionalCouncilId: council });
    expect((await t.request('GET', `/regional-councils/${council}/organizers`, { token: t.adminToken })).body).toEqual({ items: [] });
  });
});
