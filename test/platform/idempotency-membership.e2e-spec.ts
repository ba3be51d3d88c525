import { makeCouncil, makeFederation, makeUnion, makeUser } from '../support/factories';
import { DocumentedPath, TestApp, bootTestApp } from '../support/test-app';
import { clearQueue } from '../support/worker-process';

describe('Idempotency-Key on membership writes', () => {
  let t: TestApp;
  let unionId: string;
  const body = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    unionId,
    effectiveOn: '2026-05-01',
    delta: 3,
    cause: 'transfer_in',
    employmentType: 'part_time',
    ...over,
  });
  const post = <P extends DocumentedPath<'POST'> = '/membership-changes'>(key: string, payload: unknown, path?: P, token = t.adminToken) =>
    t.request('POST', (path ?? '/membership-changes') as P, { token, body: payload, headers: { 'idempotency-key': key } });
  const ledgerRows = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM membership_changes`))[0].n;

  beforeAll(async () => {
    t = await bootTestApp();
    unionId = await makeUnion(t, { regionalCouncilId: await makeCouncil(t), federationId: await makeFederation(t) });
  });
  afterAll(async () => {
    await clearQueue(t);
    await t.close();
  });

  it('replays the first answer for the same key and body, writing nothing new', async () => {
    const first = await post('replay-1', body());
    expect(first.status).toBe(201);
    const before = await ledgerRows();
    const again = await post('replay-1', { cause: 'transfer_in', ...body() }); // same content, other key order
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(await ledgerRows()).toBe(before);
    const [key] = await t.db.query(`SELECT status_code, request_hash FROM idempotency_keys WHERE key = 'replay-1'`);
    expect(key.status_code).toBe(201);
    expect(key.request_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 409 for the same key with a different body or another endpoint, and writes nothing', async () => {
    await post('conflict-1', body());
    const before = await ledgerRows();
    const different = await post('conflict-1', body({ delta: 4 }));
    expect(different.status).toBe(409);
    expect(different.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(different.body.details).toEqual([{ field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_REUSED', message: 'was already used for a different request' }]);
    const otherPath = await post('conflict-1', { items: [body()] }, '/membership-changes/bulk');
    expect(otherPath.status).toBe(409);
    expect(await ledgerRows()).toBe(before);
  });

  it('keeps keys per caller: another user may use the same key', async () => {
    const federationId = (await t.db.query(`SELECT federation_id FROM unions WHERE id = $1`, [unionId]))[0].federation_id;
    const officer = await makeUser(t, 'federation', { federationId });
    await post('shared-key', body());
    const theirs = await post('shared-key', body({ delta: 9 }), '/membership-changes', officer.token);
    expect(theirs.status).toBe(201);
    expect(theirs.body.delta).toBe(9);
  });

  it('does not keep the key of a failed request', async () => {
    const failed = await post('retry-after-fix', body({ unionId: '00000000-0000-4000-8000-000000000000' }));
    expect(failed.status).toBe(400);
    const fixed = await post('retry-after-fix', body());
    expect(fixed.status).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const answer = await post('x'.repeat(256), body());
    expect(answer.status).toBe(400);
    expect(answer.body.details[0].field).toBe('Idempotency-Key');
  });

  it('turns 50 concurrent requests with one key into exactly one ledger row and 50 identical answers', async () => {
    const before = await ledgerRows();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('burst-50', body({ delta: 7, note: 'burst' }))));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const texts = new Set(answers.map((a) => JSON.stringify(a.body)));
    expect(texts.size).toBe(1);
    expect(await ledgerRows()).toBe(before + 1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM membership_changes WHERE note = 'burst'`);
    expect(n).toBe(1);
    const [{ outbox }] = await t.db.query(`SELECT count(*)::int AS outbox FROM aggregation_outbox WHERE change_id = $1`, [answers[0].body.id]);
    expect(outbox).toBe(1);
  });

  it('replays bulk writes and reversals too', async () => {
    const items = Array.from({ length: 20 }, (_, i) => body({ delta: i + 1 }));
    const first = await post('bulk-1', { items }, '/membership-changes/bulk');
    expect(first.status).toBe(201);
    const before = await ledgerRows();
    const again = await post('bulk-1', { items }, '/membership-changes/bulk');
    expect(again.body).toEqual(first.body);
    const path = `/membership-changes/${first.body.ids[0]}/reverse` as const;
    const reversed = await post('rev-1', { reason: 'typo' }, path);
    const replayed = await post('rev-1', { reason: 'typo' }, path);
    expect([reversed.status, replayed.status]).toEqual([201, 201]);
    expect(replayed.body).toEqual(reversed.body);
    expect(await ledgerRows()).toBe(before + 1);
  });
});
