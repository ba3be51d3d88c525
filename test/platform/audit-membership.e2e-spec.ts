import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { IMPORTS_QUEUE, IMPORT_JOB_OPTIONS, ImportJob } from '../../src/platform/queue/queues';
import { makeCouncil, makeFederation, makeUnion, makeUser, TestUser } from '../support/factories';
import { Cell, check, clearImportsQueue, commit, importIn, upload, xlsxFile } from '../support/imports';
import { DocumentedPath, TestApp, bootTestApp } from '../support/test-app';
import { WorkerProcess, clearQueue, startWorker } from '../support/worker-process';

const HEADER: Cell[] = ['組合コード', '組合名', '発効日', '増減数', '事由', '雇用形態', '性別', '備考'];

/**
 * Every write to the membership ledger leaves ONE audit event, written in the write's own
 * transaction: who (with the request's ip and id), what, in which union's scope, with the
 * counts; a bulk body and an import's commit are one event each, a replayed request writes
 * none, a refused write leaves no "ok" event. The commit is audited by the real worker.
 */
describe('audit events of membership writes', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let officer: TestUser;
  let councilId: string;
  let federationId: string;
  let unionId: string;
  let otherUnion: string;
  const events = async (action: string, where = 'TRUE', params: unknown[] = []): Promise<any[]> =>
    t.db.query(`SELECT * FROM audit_events WHERE action = $1 AND ${where} ORDER BY occurred_at, id`, [action, ...params]);
  const eventCount = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action NOT LIKE 'session.%'`))[0].n;
  const change = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    unionId,
    effectiveOn: '2026-05-01',
    delta: 3,
    cause: 'new_hire',
    employmentType: 'regular',
    ...over,
  });
  const post = <P extends DocumentedPath<'POST'>>(path: P, body: unknown, headers: Record<string, string> = {}, token = officer.token) =>
    t.request('POST', path, { token, body, headers });

  beforeAll(async () => {
    t = await bootTestApp();
    councilId = await makeCouncil(t);
    federationId = await makeFederation(t);
    unionId = await makeUnion(t, { regionalCouncilId: councilId, federationId });
    await t.db.query(`UPDATE unions SET code = 'AUD-001' WHERE id = $1`, [unionId]);
    otherUnion = await makeUnion(t, { regionalCouncilId: councilId, federationId: await makeFederation(t) });
    officer = await makeUser(t, 'federation', { federationId });
    worker = await startWorker(t, 'audit-worker');
  });
  afterAll(async () => {
    await worker?.stop();
    await clearImportsQueue(t);
    await clearQueue(t);
    await t.close();
  });

  it('records a change with its actor, request, target, the union’s scope and what was recorded', async () => {
    const requestId = randomUUID();
    const answer = await post('/membership-changes', change({ gender: 'female', note: '4月入社' }), { 'x-request-id': requestId });
    expect(answer.status).toBe(201);
    const [event] = await events('membership_change.recorded', 'target_id = $2', [answer.body.id]);
    expect(event).toMatchObject({
      actor_id: officer.id,
      actor_email: officer.email,
      actor_role: 'federation',
      target_type: 'membership_change',
      scope_federation_id: federationId,
      scope_regional_council_id: councilId,
      outcome: 'ok',
      ip: '127.0.0.1',
      request_id: requestId,
    });
    expect(event.details).toEqual({ unionId, effectiveOn: '2026-05-01', delta: 3, cause: 'new_hire', employmentType: 'regular', gender: 'female' });
  });

  it('shows a union’s ledger entries in its 履歴 beside its own events, and to no one outside its scope', async () => {
    const answer = await post('/membership-changes', change({ delta: 7, effectiveOn: '2026-06-01' }));
    expect(answer.status).toBe(201);
    const history = await t.request('GET', `/unions/${unionId}/audit?limit=500`, { token: officer.token });
    expect(history.status).toBe(200);
    expect(
      history.body.items.some((e: { action: string; targetId?: string | null }) => e.action === 'membership_change.recorded' && e.targetId === answer.body.id),
    ).toBe(true);
    const outsider = await makeUser(t, 'federation', { federationId: await makeFederation(t) });
    expect((await t.request('GET', `/unions/${unionId}/audit`, { token: outsider.token })).status).toBe(404);
  });

  it('records a bulk body of N items as ONE event with the count N and the net', async () => {
    const items = Array.from({ length: 250 }, (_, i) =>
      i % 5 === 0 ? change({ delta: -2, cause: 'retirement', effectiveOn: '2026-03-31' }) : change({ delta: 1, effectiveOn: '2026-04-01' }),
    );
    const before = await eventCount();
    const answer = await post('/membership-changes/bulk', { items });
    expect(answer.status).toBe(201);
    expect(await eventCount()).toBe(before + 1);
    const [event] = await events('membership_change.bulk_recorded');
    expect(event).toMatchObject({ actor_id: officer.id, target_type: 'membership_change', target_id: null, scope_federation_id: federationId, outcome: 'ok' });
    expect(event.details).toEqual({
      count: 250,
      net: 200 - 100,
      increase: 200,
      decrease: 100,
      unions: 1,
      effectiveFrom: '2026-03-31',
      effectiveTo: '2026-04-01',
    });
  });

  it('writes no second event for a request replayed with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': `audit-${randomUUID()}` };
    const first = await post('/membership-changes/bulk', { items: [change(), change({ delta: 5 })] }, key);
    expect(first.status).toBe(201);
    const before = await eventCount();
    const again = await post('/membership-changes/bulk', { items: [change(), change({ delta: 5 })] }, key);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(await eventCount()).toBe(before);
    expect(await events('membership_change.bulk_recorded', `details->>'net' = '8'`)).toHaveLength(1);

    const single = { 'idempotency-key': `audit-${randomUUID()}` };
    const created = await post('/membership-changes', change({ delta: 7 }), single);
    await post('/membership-changes', change({ delta: 7 }), single);
    expect(await events('membership_change.recorded', 'target_id = $2', [created.body.id])).toHaveLength(1);
  });

  it('leaves no event for a refused write: a sign mismatch (400), a union out of scope, a role that may not write (403), one bad item of a bulk', async () => {
    const before = await eventCount();
    expect((await post('/membership-changes', change({ delta: 3, cause: 'resignation' }))).status).toBe(400);
    expect((await post('/membership-changes', change({ unionId: otherUnion }))).status).toBe(404);
    const leader = await makeUser(t, 'leadership');
    expect((await post('/membership-changes', change(), {}, leader.token)).status).toBe(403);
    expect((await post('/membership-changes/bulk', { items: [change(), change({ unionId: otherUnion })] })).status).toBe(404);
    expect((await post('/membership-changes/bulk', { items: [change(), change({ delta: -1 })] })).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('records a reversal against the entry reversed, with the reversing entry and the reason; a second reversal leaves none', async () => {
    const original = await post('/membership-changes', change({ delta: 4, effectiveOn: '2026-05-10' }));
    const reversal = await post(`/membership-changes/${original.body.id}/reverse`, { reason: '二重に記録しました' });
    expect(reversal.status).toBe(201);
    const [event] = await events('membership_change.reversed', 'target_id = $2', [original.body.id]);
    expect(event).toMatchObject({ actor_id: officer.id, reason: '二重に記録しました', scope_federation_id: federationId, outcome: 'ok' });
    expect(event.details).toMatchObject({ reversalId: reversal.body.id, unionId, delta: -4, cause: 'new_hire' });
    expect((await post(`/membership-changes/${original.body.id}/reverse`, { reason: 'もう一度' })).status).toBe(409);
    expect(await events('membership_change.reversed', 'target_id = $2', [original.body.id])).toHaveLength(1);
  });

  it('records a survey with its totals, once: submitting it again unchanged writes nothing and no event', async () => {
    const survey = {
      unionId,
      surveyedOn: '2026-06-30',
      counts: [
        { employmentType: 'regular', gender: 'male', members: 180 },
        { employmentType: 'part_time', gender: 'female', members: 20 },
      ],
    };
    const answer = await post('/membership-surveys', survey);
    expect(answer.status).toBe(201);
    const [event] = await events('membership_survey.submitted', 'target_id = $2', [answer.body.id]);
    expect(event).toMatchObject({
      actor_id: officer.id,
      target_type: 'membership_survey',
      scope_federation_id: federationId,
      scope_regional_council_id: councilId,
    });
    expect(event.details).toMatchObject({
      unionId,
      surveyedOn: '2026-06-30',
      totalMembers: 200,
      ledgerMembersBefore: answer.body.ledgerMembersBefore,
      adjustments: answer.body.adjustments.length,
      adjustmentNet: 200 - answer.body.ledgerMembersBefore,
    });
    const before = await eventCount();
    expect((await post('/membership-surveys', survey)).status).toBe(201);
    expect(await eventCount()).toBe(before);
  });

  it('records a month close with the month; a second close of it (409) leaves none', async () => {
    const closed = await t.request('POST', '/periods/2026-02/close', { token: t.adminToken });
    expect(closed.status).toBe(201);
    const [event] = await events('period.closed');
    expect(event).toMatchObject({ actor_email: 'admin@test.rengo', actor_role: 'admin', target_type: 'period', target_id: '2026-02', outcome: 'ok' });
    expect(event.details).toEqual({ month: '2026-02' });
    expect((await t.request('POST', '/periods/2026-02/close', { token: t.adminToken })).status).toBe(409);
    expect(await events('period.closed')).toHaveLength(1);
  });

  it('records an upload with its file; the worker records the commit as ONE event with its count, done by whoever asked; a reversal with its count', async () => {
    const rows: Cell[][] = [HEADER];
    for (let i = 0; i < 120; i++) rows.push(['AUD-001', null, '2026-07-01', i % 4 === 0 ? -1 : 2, i % 4 === 0 ? '自己都合退職' : '転入', '正社員', null, null]);
    const checked = await check(t, officer.token, 'membership-changes', await xlsxFile(rows), '7月分.xlsx');
    expect(checked).toMatchObject({ state: 'checked', rowsValid: 120 });
    const [uploaded] = await events('import.uploaded', 'target_id = $2', [checked.id]);
    expect(uploaded).toMatchObject({ actor_id: officer.id, actor_role: 'federation', scope_federation_id: federationId, outcome: 'ok', ip: '127.0.0.1' });
    expect(uploaded.details).toEqual({ fileName: '7月分.xlsx', kind: 'membership-changes', size: expect.any(Number), sha256: checked.sha256 });
    expect(uploaded.details.size).toBeGreaterThan(0);

    const requestId = randomUUID();
    const key = `audit-commit-${checked.id}`;
    const { entry } = await commit(t, officer.token, checked.id, { 'Idempotency-Key': key, 'x-request-id': requestId });
    expect(entry.state).toBe('committed');
    expect((await t.request('POST', `/imports/${checked.id}/commit`, { token: officer.token, headers: { 'Idempotency-Key': key } })).status).toBe(202);
    const committed = await events('import.committed', 'target_id = $2', [checked.id]);
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({
      actor_id: officer.id,
      actor_email: officer.email,
      actor_role: 'federation',
      target_type: 'import',
      scope_federation_id: federationId,
      outcome: 'ok',
      ip: '127.0.0.1',
      request_id: requestId,
    });
    expect(committed[0].details).toMatchObject({ kind: 'membership-changes', fileName: '7月分.xlsx', ledgerRows: 120, rows: 120, net: 90 * 2 - 30 });
    // one event for the whole file: none per entry
    expect(await events('membership_change.recorded', `details->>'effectiveOn' = '2026-07-01'`)).toHaveLength(0);

    const reversed = await post(`/imports/${checked.id}/reverse`, { reason: '別の月の数字でした' });
    expect(reversed.status).toBe(201);
    const [reversal] = await events('import.reversed', 'target_id = $2', [checked.id]);
    expect(reversal).toMatchObject({ actor_id: officer.id, reason: '別の月の数字でした', scope_federation_id: federationId, outcome: 'ok' });
    expect(reversal.details).toEqual({ fileName: '7月分.xlsx', entries: 120, net: -150 });
  });

  it('records a commit that failed in the worker as failed, with the reason, and no "ok" event', async () => {
    const moving = await makeUnion(t, { regionalCouncilId: councilId, federationId });
    await t.db.query(`UPDATE unions SET code = 'AUD-002' WHERE id = $1`, [moving]);
    const checked = await check(
      t,
      officer.token,
      'membership-changes',
      await xlsxFile([HEADER, ['AUD-002', null, '2026-08-01', 5, '転入', '正社員', null, null]]),
      'moving.xlsx',
    );
    expect(checked.state).toBe('checked');
    // the union leaves the officer's federation between the check and the commit
    await t.db.query(`UPDATE unions SET federation_id = (SELECT federation_id FROM unions WHERE id = $2) WHERE id = $1`, [moving, otherUnion]);
    const { entry } = await commit(t, officer.token, checked.id);
    expect(entry.state).toBe('failed');
    const committed = await events('import.committed', 'target_id = $2', [checked.id]);
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({ actor_id: officer.id, outcome: 'failed' });
    expect(committed[0].reason).toContain('2行目');
  });

  it('names the committer the imports row gives when a commit job carries no requester (one queued before it did)', async () => {
    const checked = await check(
      t,
      officer.token,
      'membership-changes',
      await xlsxFile([HEADER, ['AUD-001', null, '2026-09-01', 3, '転入', '正社員', null, null]]),
      'old-job.xlsx',
    );
    await t.db.query(`UPDATE imports SET state = 'committing', committed_by = $2 WHERE id = $1`, [checked.id, officer.id]);
    const queue = new Queue(IMPORTS_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    try {
      await queue.add(ImportJob.Commit, { importId: checked.id }, { ...IMPORT_JOB_OPTIONS, jobId: `commit-${checked.id}` });
    } finally {
      await queue.close();
    }
    expect((await importIn(t, officer.token, checked.id, ['committed', 'failed'])).state).toBe('committed');
    const [event] = await events('import.committed', 'target_id = $2', [checked.id]);
    expect(event).toMatchObject({ actor_id: officer.id, actor_email: officer.email, actor_role: 'federation', outcome: 'ok', ip: null, request_id: null });
    expect(event.details).toMatchObject({ ledgerRows: 1 });
  });

  it('leaves no event of an upload refused before it was kept', async () => {
    const before = await eventCount();
    const leader = await makeUser(t, 'leadership');
    expect((await upload(t, leader.token, 'membership-changes', await xlsxFile([HEADER]), 'x.xlsx')).status).toBe(403);
    expect((await upload(t, officer.token, 'prospects', await xlsxFile([HEADER]), 'x.xlsx')).status).toBe(403);
    expect(await eventCount()).toBe(before);
  });
});
