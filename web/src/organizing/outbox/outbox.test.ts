import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import createClient from 'openapi-fetch';
import { beforeEach, describe, expect, it } from 'vitest';
import type { paths } from '../../api/schema';
import { ApiError } from '../../platform/api/errors';
import { commandFromStorage, type OutboxCommand } from './commands';
import { Outbox, queueInOrder, type OutboxDeps } from './outbox-sender';
import { OutboxStore } from './outbox-store';
import { refusalMessageJa } from './refusal-message';

/** One request as the API saw it. */
interface Sent {
  method: string;
  path: string;
  key: string;
  csrf: string | null;
  body: unknown;
}

/** What the fake API answers next: a status and body, or a lost connection. */
type Answer = { status: number; body?: unknown } | 'network-error' | 'answer-lost';

/**
 * The outbox against a fake API that remembers every request (and, like the real one, writes
 * each Idempotency-Key once), reached through a typed client whose middleware carries the
 * session as the console's does (the CSRF token; a 401 tells the shell), and a store in
 * fake-indexeddb, one database per test.
 */
function harness() {
  const name = `outbox-test-${crypto.randomUUID()}`;
  const store = new OutboxStore(name);
  const sent: Sent[] = [];
  const written = new Map<string, unknown>();
  const answers: Answer[] = [];
  const state = { online: true, owner: 'hanako' as string | undefined, sessionExpired: 0, retries: 0, changes: 0 };
  let keys = 0;

  const fakeFetch = async (arrived: Request) => {
    const request: Sent = {
      method: arrived.method,
      path: new URL(arrived.url).pathname,
      key: arrived.headers.get('idempotency-key') ?? '',
      csrf: arrived.headers.get('x-csrf-token'),
      body: JSON.parse((await arrived.text()) || 'null'),
    };
    const answer = answers.shift() ?? { status: 201 };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    sent.push(request);
    if (answer !== 'answer-lost' && answer.status >= 400) return Response.json(answer.body ?? { statusCode: answer.status }, { status: answer.status });
    if (!written.has(request.key)) written.set(request.key, request.body);
    if (answer === 'answer-lost') throw new TypeError('Failed to fetch');
    return Response.json(answer.body ?? { id: `id-${request.key}` }, { status: answer.status });
  };
  const client = createClient<paths>({ baseUrl: 'https://console.example', fetch: fakeFetch });
  client.use({
    onRequest: ({ request }) => {
      request.headers.set('x-csrf-token', 'csrf-token');
      return request;
    },
    onResponse: ({ response }) => {
      if (response.status === 401) state.sessionExpired += 1;
      return response;
    },
  });

  const deps: OutboxDeps = {
    store,
    client,
    owner: () => state.owner,
    online: () => state.online,
    changed: () => {
      state.changes += 1;
    },
    exclusive: queueInOrder(),
    retryLater: () => {
      state.retries += 1;
    },
    newKey: () => `key-${++keys}`,
  };
  const outbox = new Outbox(deps);
  const items = () => store.list('hanako');
  /** Writes an item as the version before typed commands kept it (its method and filled-in path). */
  const keepAsBefore = async (item: Record<string, unknown>) => {
    await store.list('hanako'); // the store makes its database first, as the previous version had
    const db = await openDB(name, 1);
    await db.add('items', { owner: 'hanako', recordedAt: '2026-06-15T01:00:00.000Z', state: 'waiting', ...item });
    db.close();
  };
  return { outbox, store, sent, written, answers, state, items, keepAsBefore };
}

const visit = (summary: string): OutboxCommand => ({
  kind: 'recordVisit',
  label: `訪問の記録 ${summary}`,
  params: { prospectId: 'p-1' },
  body: { occurredOn: '2026-06-15', kind: 'visit', summary },
});
const stageMove: OutboxCommand = {
  kind: 'moveStage',
  label: 'ステージ変更 港北電子株式会社(接触)',
  params: { id: 'p-1' },
  body: { stage: 'contacted', version: 1 },
};

describe('the organizer outbox', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });

  it('sends at once when online with nothing waiting, with a key and the CSRF token, and keeps nothing', async () => {
    const result = await h.outbox.sendOrQueue(visit('門前で声かけ'));
    expect(result).toEqual({ state: 'sent', response: { id: 'id-key-1' } });
    expect(h.sent).toEqual([{ method: 'POST', path: '/api/v1/prospects/p-1/visits', key: 'key-1', csrf: 'csrf-token', body: visit('門前で声かけ').body }]);
    expect(await h.items()).toEqual([]);
  });

  it('queues offline, keeps the order, and replays oldest first with each item its own key', async () => {
    h.state.online = false;
    expect(await h.outbox.sendOrQueue(visit('一件目'))).toEqual({ state: 'queued' });
    expect(await h.outbox.sendOrQueue(stageMove)).toEqual({ state: 'queued' });
    expect(await h.outbox.sendOrQueue(visit('三件目'))).toEqual({ state: 'queued' });
    expect(h.sent).toEqual([]);
    const queued = await h.items();
    expect(queued.map((i) => [i.label, i.state, i.idempotencyKey])).toEqual([
      ['訪問の記録 一件目', 'waiting', 'key-1'],
      ['ステージ変更 港北電子株式会社(接触)', 'waiting', 'key-2'],
      ['訪問の記録 三件目', 'waiting', 'key-3'],
    ]);

    h.state.online = true;
    await h.outbox.replay();
    expect(h.sent.map((s) => [s.path, s.key])).toEqual([
      ['/api/v1/prospects/p-1/visits', 'key-1'],
      ['/api/v1/prospects/p-1/stage', 'key-2'],
      ['/api/v1/prospects/p-1/visits', 'key-3'],
    ]);
    expect(await h.items()).toEqual([]);
  });

  it('queues a new command behind older waiting ones even when online, so the order holds', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(visit('古い記録'));
    h.state.online = true;
    expect(await h.outbox.sendOrQueue(visit('新しい記録'))).toEqual({ state: 'queued' });
    await h.outbox.replay();
    expect(h.sent.map((s) => (s.body as { summary: string }).summary)).toEqual(['古い記録', '新しい記録']);
  });

  it('reuses exactly the stored key when the first answer was lost, so the API writes it once', async () => {
    h.answers.push('answer-lost');
    expect(await h.outbox.sendOrQueue(visit('答えが届かなかった'))).toEqual({ state: 'queued' });
    expect(h.state.retries).toBe(1);
    const [kept] = await h.items();
    expect([kept.state, kept.idempotencyKey]).toEqual(['waiting', 'key-1']);

    await h.outbox.replay();
    expect(h.sent.map((s) => s.key)).toEqual(['key-1', 'key-1']);
    expect(h.written.size).toBe(1);
    expect(await h.items()).toEqual([]);
  });

  it('keeps the item for the next try on a network error or a 5xx, and stops there to keep the order', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(visit('一件目'));
    await h.outbox.sendOrQueue(visit('二件目'));
    h.state.online = true;
    h.answers.push('network-error');
    await h.outbox.replay();
    h.answers.push({ status: 503, body: { statusCode: 503, code: 'RETRY' } });
    await h.outbox.replay();
    expect(h.sent.map((s) => s.key)).toEqual(['key-1']);
    expect((await h.items()).map((i) => [i.idempotencyKey, i.state])).toEqual([
      ['key-1', 'waiting'],
      ['key-2', 'waiting'],
    ]);
    expect(h.state.retries).toBe(2);
    await h.outbox.replay();
    expect(h.sent.map((s) => s.key)).toEqual(['key-1', 'key-1', 'key-2']);
    expect(await h.items()).toEqual([]);
  });

  it('turns a 4xx on replay into 要対応 with the API’s reason in Japanese, keeps it, and sends the rest', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(stageMove);
    await h.outbox.sendOrQueue(visit('その後の訪問'));
    h.state.online = true;
    const stale = { statusCode: 409, error: 'Conflict', code: 'STALE_VERSION', message: 'The record was changed by someone else' };
    h.answers.push({ status: 409, body: stale });
    await h.outbox.replay();

    const [refused, ...rest] = await h.items();
    expect(rest).toEqual([]);
    expect([refused.label, refused.state, refused.refusal]).toEqual([stageMove.label, 'attention', { status: 409, body: stale }]);
    expect(refusalMessageJa(refused.refusal!)).toBe('送信する前に、ほかの人がこの記録を変更しました。最新の状態を確かめて、必要ならもう一度記録してください。');
    expect(h.sent.map((s) => s.key)).toEqual(['key-1', 'key-2']);

    // it stays through later replays and does not hold back new commands
    await h.outbox.replay();
    expect(await h.outbox.sendOrQueue(visit('次の訪問'))).toEqual({ state: 'sent', response: { id: 'id-key-3' } });
    expect((await h.items()).map((i) => [i.idempotencyKey, i.state])).toEqual([['key-1', 'attention']]);
  });

  it('sends a 要対応 item again only when asked, with its own key, and discards only when asked', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(stageMove);
    await h.outbox.sendOrQueue(visit('範囲外の訪問'));
    h.state.online = true;
    h.answers.push({ status: 403, body: { statusCode: 403, code: 'FORBIDDEN', message: 'out of scope' } });
    h.answers.push({
      status: 400,
      body: {
        statusCode: 400,
        code: 'INVALID_FIELD',
        message: 'bad',
        details: [{ field: 'summary', code: 'REQUIRED', message: 'summary should not be empty' }],
      },
    });
    await h.outbox.replay();
    const [move, badVisit] = await h.items();
    expect([move.state, badVisit.state]).toEqual(['attention', 'attention']);
    expect(refusalMessageJa(move.refusal!)).toBe('この記録はあなたの担当範囲の外にあるため、表示・変更できません。');
    expect(refusalMessageJa(badVisit.refusal!)).toBe('入力内容に誤りがあるため受け付けられませんでした。 内容: 入力してください');

    // refused again: it stays, with the new reason
    h.answers.push({
      status: 409,
      body: { statusCode: 409, code: 'ILLEGAL_STAGE_CHANGE', message: 'no', details: [{ field: 'stage', code: 'ILLEGAL_STAGE_CHANGE', message: 'no' }] },
    });
    await h.outbox.retry(move.seq);
    const [again] = await h.items();
    expect([again.seq, again.state, again.refusal?.body.code]).toEqual([move.seq, 'attention', 'ILLEGAL_STAGE_CHANGE']);
    expect(refusalMessageJa(again.refusal!)).toBe(
      'このステージ変更は、いまのステージからはできません。 送信する前にほかの人がステージを変えた可能性があります。 ステージ: このステージ変更は、いまのステージからはできません。',
    );

    await h.outbox.retry(move.seq);
    expect(h.sent.slice(-2).map((s) => s.key)).toEqual([move.idempotencyKey, move.idempotencyKey]);
    expect((await h.items()).map((i) => i.idempotencyKey)).toEqual([badVisit.idempotencyKey]);

    await h.outbox.replay();
    expect((await h.items()).map((i) => i.state)).toEqual(['attention']);
    await h.outbox.discard(badVisit.seq);
    expect(await h.items()).toEqual([]);
    expect(h.sent).toHaveLength(4);
  });

  it('keeps everything on a 401 and asks the person to sign in again; nothing becomes 要対応', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(visit('一件目'));
    await h.outbox.sendOrQueue(visit('二件目'));
    h.state.online = true;
    h.answers.push({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    await h.outbox.replay();
    expect(h.state.sessionExpired).toBe(1);
    expect((await h.items()).map((i) => [i.idempotencyKey, i.state])).toEqual([
      ['key-1', 'waiting'],
      ['key-2', 'waiting'],
    ]);

    // a command sent at once that meets a 401 is kept too
    h.answers.push({ status: 401 });
    await h.outbox.discard((await h.items())[0].seq);
    await h.outbox.discard((await h.items())[0].seq);
    expect(await h.outbox.sendOrQueue(visit('期限切れの間に'))).toEqual({ state: 'queued' });
    expect(h.state.sessionExpired).toBe(2);
    expect((await h.items()).map((i) => [i.idempotencyKey, i.state])).toEqual([['key-3', 'waiting']]);

    await h.outbox.replay();
    expect(await h.items()).toEqual([]);
    expect(h.sent.map((s) => s.key)).toEqual(['key-1', 'key-3', 'key-3']);
  });

  it('throws a 4xx on a command sent at once, for the form to show, and keeps nothing', async () => {
    h.answers.push({
      status: 400,
      body: { statusCode: 400, code: 'INVALID_FIELD', message: 'bad', details: [{ field: 'occurredOn', code: 'IN_THE_FUTURE', message: 'is in the future' }] },
    });
    const refused = await h.outbox.sendOrQueue(visit('未来の日付')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).fieldMessage('occurredOn')).toBe('未来の日付は入力できません');
    expect(await h.items()).toEqual([]);
  });

  it('sends only the signed-in person’s items: another person on the same phone sends none of them', async () => {
    h.state.online = false;
    await h.outbox.sendOrQueue(visit('花子の記録'));
    h.state.owner = 'jiro';
    h.state.online = true;
    await h.outbox.replay();
    expect(h.sent).toEqual([]);
    expect(await h.store.list('jiro')).toEqual([]);
    h.state.owner = 'hanako';
    await h.outbox.replay();
    expect(h.sent.map((s) => (s.body as { summary: string }).summary)).toEqual(['花子の記録']);
  });

  it('replays a `sending` item left by a tab that closed mid-send, with its key', async () => {
    await h.store.add({
      ...visit('閉じたタブの送信'),
      owner: 'hanako',
      idempotencyKey: 'left-behind',
      recordedAt: '2026-06-15T01:00:00.000Z',
      state: 'sending',
    });
    await h.outbox.replay();
    expect(h.sent.map((s) => s.key)).toEqual(['left-behind']);
    expect(await h.items()).toEqual([]);
  });

  it('sends each kind to its operation: the method and the path with its parameters filled in', async () => {
    await h.outbox.sendOrQueue({ kind: 'correctVisit', label: '訪問記録の修正', params: { id: 'v-9' }, body: { summary: '直した', version: 2 } });
    await h.outbox.sendOrQueue({
      kind: 'affiliate',
      label: '加盟手続',
      params: { id: 'p-2' },
      body: { unionName: '労組', kind: 'enterprise', members: 3, effectiveOn: '2026-06-15', version: 4 },
    });
    await h.outbox.sendOrQueue({
      kind: 'createProspect',
      label: '新規事業所',
      body: { employerName: '港北電子株式会社', estimatedWorkers: 40, source: 'outreach', stage: 'identified' },
    });
    await h.outbox.sendOrQueue({
      kind: 'recordConsultation',
      label: '労働相談',
      body: { receivedOn: '2026-06-15', channel: 'street', topics: ['wages'], summary: '残業代' },
    });
    expect(h.sent.map((s) => [s.method, s.path])).toEqual([
      ['PATCH', '/api/v1/visits/v-9'],
      ['POST', '/api/v1/prospects/p-2/affiliate'],
      ['POST', '/api/v1/prospects'],
      ['POST', '/api/v1/consultations'],
    ]);
    expect(h.sent[0].body).toEqual({ summary: '直した', version: 2 });
  });

  it('types a command from the API: a body the operation does not take does not compile', () => {
    const typed: OutboxCommand[] = [
      // @ts-expect-error a visit's kind is one of the API's codes
      { kind: 'recordVisit', label: '', params: { prospectId: 'p-1' }, body: { occurredOn: '2026-06-15', kind: 'chat', summary: '' } },
      // @ts-expect-error a stage move names its prospect
      { kind: 'moveStage', label: '', body: { stage: 'contacted', version: 1 } },
      // @ts-expect-error the visits path takes `prospectId`, not `id`
      { kind: 'recordVisit', label: '', params: { id: 'p-1' }, body: { occurredOn: '2026-06-15', kind: 'visit', summary: '' } },
    ];
    expect(typed).toHaveLength(3);
  });

  it('still sends what the version before typed commands kept (a phone holding unsent visits across an update), in order, with its key', async () => {
    await h.keepAsBefore({
      label: '訪問の記録 更新前',
      method: 'POST',
      path: '/api/v1/prospects/p-1/visits',
      body: { occurredOn: '2026-06-14', kind: 'visit', summary: '更新前の記録' },
      idempotencyKey: 'old-1',
    });
    await h.keepAsBefore({
      label: 'ステージ変更 更新前',
      method: 'POST',
      path: '/api/v1/prospects/p-1/stage',
      body: { stage: 'contacted', version: 1 },
      idempotencyKey: 'old-2',
    });
    await h.keepAsBefore({
      label: '訪問記録の修正 更新前',
      method: 'PATCH',
      path: '/api/v1/visits/v-1',
      body: { summary: '直した', version: 2 },
      idempotencyKey: 'old-3',
    });
    await h.outbox.sendOrQueue(visit('更新後の記録'));
    await h.outbox.replay();
    expect(h.sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/prospects/p-1/visits',
        key: 'old-1',
        csrf: 'csrf-token',
        body: { occurredOn: '2026-06-14', kind: 'visit', summary: '更新前の記録' },
      },
      { method: 'POST', path: '/api/v1/prospects/p-1/stage', key: 'old-2', csrf: 'csrf-token', body: { stage: 'contacted', version: 1 } },
      { method: 'PATCH', path: '/api/v1/visits/v-1', key: 'old-3', csrf: 'csrf-token', body: { summary: '直した', version: 2 } },
      { method: 'POST', path: '/api/v1/prospects/p-1/visits', key: 'key-1', csrf: 'csrf-token', body: visit('更新後の記録').body },
    ]);
    expect(await h.items()).toEqual([]);
  });

  it('reads a kept item back as its typed command, and refuses one it does not know (要対応, discarded only when asked)', async () => {
    expect(commandFromStorage({ label: '相談', method: 'POST', path: '/api/v1/consultations', body: { summary: 'x' } })).toEqual({
      kind: 'recordConsultation',
      label: '相談',
      body: { summary: 'x' },
    });
    expect(commandFromStorage({ label: '加盟', method: 'POST', path: '/api/v1/prospects/p%2F1/affiliate', body: {} })).toMatchObject({
      kind: 'affiliate',
      params: { id: 'p/1' },
    });
    expect(commandFromStorage({ label: '?', method: 'DELETE', path: '/api/v1/visits/v-1', body: {} })).toBeUndefined();
    expect(commandFromStorage({ label: '?', method: 'POST', path: '/api/v1/prospects/p-1/visits/extra', body: {} })).toBeUndefined();

    await h.keepAsBefore({ label: '不明な記録', method: 'POST', path: '/api/v1/somewhere-else', body: {}, idempotencyKey: 'old-x' });
    await h.outbox.sendOrQueue(visit('そのあとの記録'));
    await h.outbox.replay();
    expect(h.sent.map((s) => s.key)).toEqual(['key-1']);
    const [unknown] = await h.items();
    expect([unknown.label, unknown.state, unknown.refusal?.status]).toEqual(['不明な記録', 'attention', 400]);
    await h.outbox.discard(unknown.seq);
    expect(await h.items()).toEqual([]);
  });
});
