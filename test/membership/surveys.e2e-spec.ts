import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('/membership-surveys', () => {
  let t: TestApp;
  let unionId: string;
  let federationId: string;
  const balances = async (until: string, union = unionId): Promise<Record<string, number>> => {
    const rows = await t.db.query(
      `SELECT employment_type || '/' || gender AS pair, sum(delta)::int AS members FROM membership_changes
       WHERE union_id = $1 AND effective_on <= $2 GROUP BY 1 HAVING sum(delta) <> 0`,
      [union, until],
    );
    return Object.fromEntries(rows.map((r: { pair: string; members: number }) => [r.pair, r.members]));
  };
  const count = async (table: string): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const survey = {
    surveyedOn: '2026-06-30',
    counts: [
      { employmentType: 'regular', gender: 'male', members: 96 },
      { employmentType: 'part_time', gender: 'female', members: 30 },
      { employmentType: 'dispatch', gender: 'female', members: 2 },
    ],
  };

  beforeAll(async () => {
    t = await bootTestApp();
    federationId = await makeFederation(t);
    unionId = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId });
    const item = (effectiveOn: string, delta: number, employmentType: string, gender: string) => ({
      unionId,
      effectiveOn,
      delta,
      cause: 'transfer_in',
      employmentType,
      gender,
    });
    const opening = await t.request('POST', '/membership-changes/bulk', {
      token: t.adminToken,
      body: {
        items: [
          item('2026-01-10', 100, 'regular', 'male'),
          item('2026-02-01', 30, 'part_time', 'female'),
          item('2026-03-01', 5, 'fixed_term', 'unspecified'),
          item('2026-07-15', 7, 'regular', 'male'),
        ],
      },
    });
    expect(opening.status).toBe(201);
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('writes the difference as survey adjustments dated the survey day, so the ledger equals the survey there', async () => {
    const answer = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: { unionId, ...survey } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ unionId, surveyedOn: '2026-06-30', totalMembers: 128, ledgerMembersBefore: 135 });
    expect(answer.body.adjustments.map((a: any) => [a.employmentType, a.gender, a.delta])).toEqual([
      ['dispatch', 'female', 2],
      ['fixed_term', 'unspecified', -5],
      ['regular', 'male', -4],
    ]);
    expect(await balances('2026-06-30')).toEqual({ 'regular/male': 96, 'part_time/female': 30, 'dispatch/female': 2 });
    expect((await balances('2026-07-31'))['regular/male']).toBe(103);
    const rows = await t.db.query(`SELECT cause, source, effective_on::text AS day, survey_id FROM membership_changes WHERE survey_id IS NOT NULL`);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toEqual({ cause: 'survey_adjustment', source: 'survey', day: '2026-06-30', survey_id: answer.body.id });
    const reverse = await t.request('POST', `/membership-changes/${answer.body.adjustments[0].id}/reverse`, { token: t.adminToken, body: { reason: 'x' } });
    expect(reverse.status).toBe(409);
  });

  it('answers a re-submitted survey with the stored one and writes nothing', async () => {
    const [changes, surveys] = [await count('membership_changes'), await count('membership_surveys')];
    const first = await t.request('GET', `/membership-surveys?unionId=${unionId}`, { token: t.adminToken });
    const again = await t.request('POST', '/membership-surveys', {
      token: t.adminToken,
      body: {
        unionId,
        surveyedOn: '2026-06-30',
        counts: [...survey.counts].reverse().concat([{ employmentType: 'fixed_term', gender: 'unspecified', members: 0 }]),
      },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body.items[0]);
    expect([await count('membership_changes'), await count('membership_surveys')]).toEqual([changes, surveys]);
  });

  it('treats a corrected survey for the same day as the new truth', async () => {
    const corrected = { unionId, surveyedOn: '2026-06-30', counts: [...survey.counts.slice(1), { employmentType: 'regular', gender: 'male', members: 97 }] };
    const answer = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: corrected });
    expect(answer.body.adjustments.map((a: any) => [a.employmentType, a.gender, a.delta])).toEqual([['regular', 'male', 1]]);
    expect((await balances('2026-06-30'))['regular/male']).toBe(97);
    const agreeing = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: { ...corrected, surveyedOn: '2026-07-01' } });
    expect(agreeing.status).toBe(201);
    expect(agreeing.body.adjustments).toEqual([]);
  });

  it('re-applies a re-sent survey when a backdated entry has moved the ledger since', async () => {
    const union = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId });
    const post = (body: unknown) => t.request('POST', '/membership-changes', { token: t.adminToken, body: { unionId: union, ...(body as object) } });
    expect((await post({ effectiveOn: '2026-01-10', delta: 50, cause: 'transfer_in', employmentType: 'regular', gender: 'female' })).status).toBe(201);
    const sent = { unionId: union, surveyedOn: '2026-06-30', counts: [{ employmentType: 'regular', gender: 'female', members: 48 }] };
    const first = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: sent });
    expect(first.status).toBe(201);
    expect(await balances('2026-06-30', union)).toEqual({ 'regular/female': 48 });

    // entered after the survey, dated before it: the ledger no longer equals the survey on 06-30
    expect((await post({ effectiveOn: '2026-06-01', delta: -1, cause: 'retirement', employmentType: 'regular', gender: 'female' })).status).toBe(201);
    expect(await balances('2026-06-30', union)).toEqual({ 'regular/female': 47 });

    const again = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: sent });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ surveyedOn: '2026-06-30', totalMembers: 48, ledgerMembersBefore: 47 });
    expect(again.body.adjustments.map((a: any) => [a.employmentType, a.gender, a.delta])).toEqual([['regular', 'female', 1]]);
    expect(await balances('2026-06-30', union)).toEqual({ 'regular/female': 48 });
    const linked = await t.db.query(
      `SELECT count(*)::int AS n FROM membership_changes WHERE union_id = $1 AND cause = 'survey_adjustment' AND survey_id = $2`,
      [union, again.body.id],
    );
    expect(linked[0].n).toBe(1);

    // now the ledger agrees again: a third identical submission writes nothing
    const changes = await count('membership_changes');
    const third = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: sent });
    expect(third.status).toBe(201);
    expect(third.body).toEqual(again.body);
    expect(await count('membership_changes')).toBe(changes);
  });

  it('re-applies the latest survey when an earlier survey has shifted the later balance', async () => {
    const earlier = await t.request('POST', '/membership-surveys', {
      token: t.adminToken,
      body: { unionId, surveyedOn: '2026-04-30', counts: [{ employmentType: 'regular', gender: 'male', members: 90 }, survey.counts[1]] },
    });
    expect(earlier.status).toBe(201);
    expect(await balances('2026-04-30')).toEqual({ 'regular/male': 90, 'part_time/female': 30 });
    const latest = { unionId, surveyedOn: '2026-06-30', counts: [...survey.counts.slice(1), { employmentType: 'regular', gender: 'male', members: 97 }] };
    expect(await balances('2026-06-30')).not.toEqual({ 'regular/male': 97, 'part_time/female': 30, 'dispatch/female': 2 });
    const again = await t.request('POST', '/membership-surveys', { token: t.adminToken, body: latest });
    expect(again.status).toBe(201);
    expect(again.body.adjustments.length).toBeGreaterThan(0);
    expect(await balances('2026-06-30')).toEqual({ 'regular/male': 97, 'part_time/female': 30, 'dispatch/female': 2 });
  });

  it('checks the counts, the day, the union and the caller', async () => {
    const bad = async (body: unknown, token = t.adminToken) => t.request('POST', '/membership-surveys', { token, body });
    const repeated = await bad({ unionId, surveyedOn: '2026-06-30', counts: [survey.counts[0], survey.counts[0]] });
    expect([repeated.status, repeated.body.details[0].field]).toEqual([400, 'counts[1]']);
    const negative = await bad({ unionId, surveyedOn: '2026-06-30', counts: [{ ...survey.counts[0], members: -1 }] });
    expect([negative.status, negative.body.details[0].field]).toEqual([400, 'counts[0].members']);
    const future = await bad({ unionId, surveyedOn: '2999-01-01', counts: [] });
    expect([future.status, future.body.details[0].field]).toEqual([400, 'surveyedOn']);
    const unknown = await bad({ unionId: '00000000-0000-4000-8000-000000000000', surveyedOn: '2026-06-30', counts: [] });
    expect([unknown.status, unknown.body.details[0].field]).toEqual([400, 'unionId']);

    const own = await makeUser(t, 'federation', { federationId });
    const other = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
    const regional = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
    expect((await bad({ unionId, ...survey, surveyedOn: '2026-05-31' }, other.token)).status).toBe(404);
    expect((await bad({ unionId, ...survey, surveyedOn: '2026-05-31' }, regional.token)).status).toBe(403);
    const mine = await bad({ unionId, ...survey, surveyedOn: '2026-05-31' }, own.token);
    expect(mine.status).toBe(201);
    expect((await t.request('GET', `/membership-surveys/${mine.body.id}`, { token: other.token })).status).toBe(404);
    expect((await t.request('GET', `/membership-surveys/${mine.body.id}`, { token: own.token })).body).toEqual(mine.body);
  });
});
