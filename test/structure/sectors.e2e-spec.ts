import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('/sectors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, lists, updates with version and deletes', async () => {
    const created = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'sec1', name: '製造部門', nameEn: 'Manufacturing' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'sec1', name: '製造部門', version: 1 });
    const id = created.body.id;

    const list = await t.request('GET', '/sectors?limit=10&offset=0', { token: t.adminToken });
    expect(list.body).toMatchObject({ total: 1, limit: 10, offset: 0 });

    const updated = await t.request('PATCH', `/sectors/${id}`, { token: t.adminToken, body: { name: '製造', version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '製造', version: 2 });

    const stale = await t.request('PATCH', `/sectors/${id}`, { token: t.adminToken, body: { name: 'stale', version: 1 } });
    expect(stale.status).toBe(409);
    expect((await t.request('GET', `/sectors/${id}`, { token: t.adminToken })).body.name).toBe('製造');

    expect((await t.request('DELETE', `/sectors/${id}`, { token: t.adminToken })).status).toBe(204);
    expect((await t.request('GET', `/sectors/${id}`, { token: t.adminToken })).status).toBe(404);
  });

  it('answers 409 for a duplicate code, 400 for unknown fields and malformed ids', async () => {
    await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'dup', name: 'A' } });
    const dup = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'dup', name: 'B' } });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toEqual([{ field: 'code', code: 'DUPLICATE', message: 'is already in use' }]);

    const unknown = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'x1', name: 'X', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'colour', code: 'UNKNOWN_FIELD', message: 'is not a known field' }]);

    const malformed = await t.request('GET', '/sectors/not-a-uuid', { token: t.adminToken });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'id', code: 'INVALID_FORMAT', message: 'must be a UUID' }]);
  });

  it('renaming a sector code carries its rollup groups along', async () => {
    const created = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'old-code', name: '旧部門' } });
    const federationId = await makeFederation(t, { sectorCode: 'old-code' });
    const unionId = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId });
    await t.db.transaction((m) =>
      appendToLedger(m, [{ unionId, effectiveOn: '2026-04-01', delta: 40, cause: 'new_hire', employmentType: 'regular' }], 'api', null),
    );
    await t.app.get(AggregationService).drain();

    const renamed = await t.request('PATCH', `/sectors/${created.body.id}`, { token: t.adminToken, body: { code: 'new-code', version: 1 } });
    expect(renamed.status).toBe(200);
    const groups = await t.db.query(`SELECT group_key, sum(net)::int AS net FROM group_month_rollups WHERE level = 'sector' GROUP BY 1`);
    expect(groups).toEqual([{ group_key: 'new-code', net: 40 }]);
    const causes = await t.db.query(`SELECT group_key, sum(members)::int AS members FROM group_month_cause_rollups WHERE level = 'sector' GROUP BY 1`);
    expect(causes).toEqual([{ group_key: 'new-code', members: 40 }]);
  });

  it('renames sent at once leave every rollup group under the code the sector ends with', async () => {
    const created = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'race-0', name: '競合部門' } });
    const federationId = await makeFederation(t, { sectorCode: 'race-0' });
    const unionId = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId });
    await t.db.transaction((m) =>
      appendToLedger(m, [{ unionId, effectiveOn: '2026-04-01', delta: 25, cause: 'new_hire', employmentType: 'regular' }], 'api', null),
    );
    await t.app.get(AggregationService).drain();

    for (let round = 1; round <= 5; round++) {
      // no version: each rename applies, the last one committed wins
      const answers = await Promise.all(
        ['a', 'b', 'c', 'd'].map((suffix) =>
          t.request('PATCH', `/sectors/${created.body.id}`, { token: t.adminToken, body: { code: `race-${round}${suffix}` } }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    }

    const code = (await t.request('GET', `/sectors/${created.body.id}`, { token: t.adminToken })).body.code as string;
    const known = (await t.request('GET', '/sectors?limit=100&offset=0', { token: t.adminToken })).body.items.map((s: { code: string }) => s.code);
    const growth = await t.request('GET', '/reports/growth?groupBy=sector&from=2026-04&to=2026-04', { token: t.adminToken });
    expect(growth.status).toBe(200);
    const members = Object.fromEntries(growth.body.groups.map((g: any) => [g.key, g.months[0].members]));
    expect(members[code]).toBe(25);
    expect(Object.keys(members).filter((key) => !known.includes(key))).toEqual([]);
    const invariants = await t.request('GET', '/admin/invariants', { token: t.adminToken });
    expect(invariants.body).toMatchObject({ ok: true, mismatchCount: 0, derivedMismatchCount: 0 });
  });

  it('refuses the reserved code "none"', async () => {
    const res = await t.request('POST', '/sectors', { token: t.adminToken, body: { code: 'none', name: 'X' } });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('code');
  });
});
