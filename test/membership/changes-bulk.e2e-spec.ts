import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('POST /membership-changes/bulk', () => {
  let t: TestApp;
  let unions: string[];
  let federationId: string;
  const item = (i: number): Record<string, unknown> => ({
    unionId: unions[i % unions.length],
    effectiveOn: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    delta: i % 2 ? -(1 + (i % 4)) : 1 + (i % 5),
    cause: i % 2 ? 'resignation' : 'new_hire',
    employmentType: i % 3 ? 'regular' : 'part_time',
    gender: i % 4 ? 'male' : 'female',
  });
  const ledgerRows = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n;

  beforeAll(async () => {
    t = await bootTestApp();
    const councilId = await makeCouncil(t);
    federationId = await makeFederation(t);
    unions = [];
    for (let i = 0; i < 20; i++) unions.push(await makeUnion(t, { regionalCouncilId: councilId, federationId }));
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('writes 10,000 items in one transaction, in order, each with its outbox row', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item(i));
    const started = Date.now();
    const answer = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items } });
    const ms = Date.now() - started;
    expect(answer.status).toBe(201);
    expect(answer.body.count).toBe(10_000);
    expect(answer.body.ids).toHaveLength(10_000);
    const [sample] = await t.db.query(`SELECT delta, cause, source FROM membership_changes WHERE id = $1`, [answer.body.ids[9_999]]);
    expect(sample).toEqual({ delta: items[9_999].delta, cause: items[9_999].cause, source: 'bulk' });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM aggregation_outbox o JOIN membership_changes c ON c.id = o.change_id WHERE c.source = 'bulk'`,
    );
    expect(n).toBe(10_000);
    console.log(`bulk of 10,000 items answered in ${ms} ms (${Math.round(10_000 / (ms / 1000))} items/s)`);
  });

  it('refuses the whole request when one item is bad, naming items[i].field, and writes nothing', async () => {
    const before = await ledgerRows();
    const items = Array.from({ length: 5_000 }, (_, i) => item(i));
    items[17] = { ...items[17], delta: 5, cause: 'resignation' };
    items[4_321] = { ...items[4_321], effectiveOn: '2026-13-01', colour: 'red' };
    const answer = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items } });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      { field: 'items[17].delta', code: 'SIGN_MISMATCH', message: 'delta must be negative for the decrease cause resignation' },
      { field: 'items[4321].colour', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      { field: 'items[4321].effectiveOn', code: 'INVALID_FORMAT', message: 'effectiveOn must be a date YYYY-MM-DD' },
    ]);
    expect(answer.body.message).toContain('items[17].delta');
    expect(await ledgerRows()).toBe(before);
  });

  it('refuses unknown unions by item, and an empty or oversized list', async () => {
    const before = await ledgerRows();
    const items = Array.from({ length: 100 }, (_, i) => item(i));
    items[42] = { ...items[42], unionId: '00000000-0000-4000-8000-000000000000' };
    const unknown = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'items[42].unionId', code: 'UNKNOWN_UNION', message: 'refers to a union that does not exist' }]);

    const empty = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.details[0].field).toBe('items');
    const oversized = await t.request('POST', '/membership-changes/bulk', {
      token: t.adminToken,
      body: { items: Array.from({ length: 10_001 }, (_, i) => item(i)) },
    });
    expect(oversized.status).toBe(400);
    expect(oversized.body.details[0]).toEqual({ field: 'items', code: 'TOO_MANY', message: 'items must contain no more than 10000 elements' });
    const notObjects = await t.request('POST', '/membership-changes/bulk', { token: t.adminToken, body: { items: [item(0), 7] } });
    expect(notObjects.body.details).toEqual([{ field: 'items[1]', code: 'NOT_AN_OBJECT', message: 'each item must be an object' }]);
    expect(await ledgerRows()).toBe(before);
  });

  it('lets a federation user write only for unions of their federation (404 naming the item otherwise)', async () => {
    const officer = await makeUser(t, 'federation', { federationId });
    const foreign = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId: await makeFederation(t) });
    const before = await ledgerRows();
    const items = [item(0), { ...item(1), unionId: foreign }, item(2)];
    const refused = await t.request('POST', '/membership-changes/bulk', { token: officer.token, body: { items } });
    expect(refused.status).toBe(404);
    expect(refused.body.details).toEqual([{ field: 'items[1].unionId', code: 'OUT_OF_SCOPE', message: 'is not a union you may record changes for' }]);
    expect(await ledgerRows()).toBe(before);
    const own = await t.request('POST', '/membership-changes/bulk', { token: officer.token, body: { items: [item(0), item(2)] } });
    expect(own.status).toBe(201);
    expect(await ledgerRows()).toBe(before + 2);
  });
});
