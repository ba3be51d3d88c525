import { makeCouncil, makeFederation, makeUnion } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('/membership-changes', () => {
  let t: TestApp;
  let unionId: string;
  const change = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    unionId,
    effectiveOn: '2026-04-01',
    delta: 12,
    cause: 'new_hire',
    employmentType: 'regular',
    gender: 'female',
    ...over,
  });

  beforeAll(async () => {
    t = await bootTestApp();
    const councilId = await makeCouncil(t);
    unionId = await makeUnion(t, { regionalCouncilId: councilId, federationId: await makeFederation(t) });
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('records a change with its outbox row and reads it back with the cause label', async () => {
    const created = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change({ note: '新入社員' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unionId,
      effectiveOn: '2026-04-01',
      delta: 12,
      cause: 'new_hire',
      causeLabel: '新規採用者の加入',
      employmentType: 'regular',
      gender: 'female',
      note: '新入社員',
      reversalOf: null,
      reversedBy: null,
    });
    expect(created.body.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const [outbox] = await t.db.query(`SELECT count(*)::int AS n FROM aggregation_outbox WHERE change_id = $1`, [created.body.id]);
    expect(outbox.n).toBe(1);

    const read = await t.request('GET', `/membership-changes/${created.body.id}`, { token: t.adminToken });
    expect(read.body).toEqual(created.body);
    const defaults = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change({ gender: undefined }) });
    expect(defaults.body.gender).toBe('unspecified');
  });

  it('refuses a delta whose sign does not match the cause, zero, fractions and survey adjustments', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ delta: -3, cause: 'new_hire' }, 'delta'],
      [{ delta: 3, cause: 'resignation' }, 'delta'],
      [{ delta: 0 }, 'delta'],
      [{ delta: 1.5 }, 'delta'],
      [{ delta: '2' }, 'delta'],
      [{ cause: 'survey_adjustment', delta: 5 }, 'cause'],
      [{ cause: 'promotion' }, 'cause'],
      [{ employmentType: 'seasonal' }, 'employmentType'],
      [{ effectiveOn: '2026-02-30' }, 'effectiveOn'],
      [{ unionId: 'nope' }, 'unionId'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [over, field] of cases) {
      const answer = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change(over) });
      expect({ over, status: answer.status, fields: answer.body.details.map((d: { field: string }) => d.field) }).toEqual({
        over,
        status: 400,
        fields: [field],
      });
    }
    const sign = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change({ delta: -3 }) });
    expect(sign.body.details[0].message).toBe('delta must be positive for the increase cause new_hire');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM membership_changes WHERE delta < 0 OR cause = 'survey_adjustment'`);
    expect(n).toBe(0);
  });

  it('answers 400 naming unionId for a union that does not exist', async () => {
    const answer = await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: change({ unionId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'unionId', code: 'UNKNOWN_UNION', message: 'refers to a union that does not exist' }]);
  });

  it('reverses an entry once, links both, and refuses a second reversal or reversing the reversal', async () => {
    const original = await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: change({ cause: 'retirement', delta: -4, effectiveOn: '2026-03-31' }),
    });
    const reversal = await t.request('POST', `/membership-changes/${original.body.id}/reverse`, { token: t.adminToken, body: { reason: '二重計上' } });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      unionId,
      effectiveOn: '2026-03-31',
      delta: 4,
      cause: 'retirement',
      employmentType: 'regular',
      gender: 'female',
      note: '二重計上',
      reversalOf: original.body.id,
      source: 'reversal',
    });
    const reread = await t.request('GET', `/membership-changes/${original.body.id}`, { token: t.adminToken });
    expect(reread.body.reversedBy).toBe(reversal.body.id);

    const twice = await t.request('POST', `/membership-changes/${original.body.id}/reverse`, { token: t.adminToken, body: { reason: 'again' } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_REVERSED');
    const ofReversal = await t.request('POST', `/membership-changes/${reversal.body.id}/reverse`, { token: t.adminToken, body: { reason: 'undo' } });
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.code).toBe('REVERSAL_NOT_REVERSIBLE');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM membership_changes WHERE reversal_of = $1`, [original.body.id]);
    expect(n).toBe(1);

    const concurrent = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change() });
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.request('POST', `/membership-changes/${concurrent.body.id}/reverse`, { token: t.adminToken, body: { reason: 'race' } }),
      ),
    );
    expect(racing.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(
      (await t.request('POST', '/membership-changes/00000000-0000-4000-8000-000000000000/reverse', { token: t.adminToken, body: { reason: 'x' } })).status,
    ).toBe(404);
  });

  it('lists with filters, pagination and labels', async () => {
    const otherUnion = await makeUnion(t, { regionalCouncilId: await makeCouncil(t) });
    await t.request('POST', '/membership-changes', {
      token: t.adminToken,
      body: change({ unionId: otherUnion, cause: 'resignation', delta: -2, effectiveOn: '2025-06-10' }),
    });
    const byUnion = await t.request('GET', `/membership-changes?unionId=${otherUnion}`, { token: t.adminToken });
    expect(byUnion.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(byUnion.body.items[0]).toMatchObject({ cause: 'resignation', causeLabel: '自己都合退職', delta: -2 });

    const resignations = await t.request('GET', '/membership-changes?cause=resignation&from=2025-06-10&to=2025-06-10', { token: t.adminToken });
    expect(resignations.body.total).toBe(1);
    const none = await t.request('GET', '/membership-changes?cause=resignation&from=2025-06-11', { token: t.adminToken });
    expect(none.body.total).toBe(0);
    const paged = await t.request('GET', '/membership-changes?limit=2&offset=1', { token: t.adminToken });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(3);
    const bad = await t.request('GET', '/membership-changes?from=2025-13-01&cause=x', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['cause', 'from']);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const created = await t.request('POST', '/membership-changes', { token: t.adminToken, body: change() });
    await expect(t.db.query(`UPDATE membership_changes SET delta = 99 WHERE id = $1`, [created.body.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM membership_changes WHERE id = $1`, [created.body.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE membership_changes CASCADE`)).rejects.toThrow(/append-only/);
    const [row] = await t.db.query(`SELECT delta FROM membership_changes WHERE id = $1`, [created.body.id]);
    expect(row.delta).toBe(12);
  });
});
