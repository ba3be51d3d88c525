import type { Client } from 'openapi-fetch';
import type { paths } from '../../api/schema';
import { ApiError, type ErrorBody } from '../../platform/api/errors';
import { OUTBOX_ROUTES, commandFromStorage, type CommandAnswer, type CommandKind, type OutboxCommand } from './commands';
import type { NewOutboxItem, OutboxItem, OutboxStore } from './outbox-store';

/** `sent`: the API accepted it and answered `response`; `queued`: it waits in the outbox and is sent later. */
export type SendResult<K extends CommandKind = CommandKind> = { state: 'sent'; response: CommandAnswer<K> } | { state: 'queued' };

/** What the outbox needs from the browser; the tests give it a store in fake-indexeddb and a client over a fetch of their own. */
export interface OutboxDeps {
  store: OutboxStore;
  /** The typed client of the API, whose middleware carries the session (the CSRF token, and a 401 told to the shell). */
  client: Pick<Client<paths>, 'request'>;
  /** The signed-in person's id (undefined while nobody is signed in). */
  owner: () => string | undefined;
  online: () => boolean;
  /** The store changed: counts on screen (in this tab and others) read it again. */
  changed: () => void;
  /** Runs `work` while no other tab or call sends from the outbox (Web Locks where there are). */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** Asks for another replay later, after `failures` sends in a row found no connection or a server in trouble. */
  retryLater: (replay: () => void, failures: number) => void;
  /** A fresh Idempotency-Key. */
  newKey?: () => string;
  /** How long a send may take before it counts as lost (its key makes a later replay safe). */
  sendTimeoutMs?: number;
}

type Delivery =
  { kind: 'accepted'; response: unknown } | { kind: 'refused'; status: number; body: ErrorBody } | { kind: 'signedOut' } | { kind: 'unreachable' };

/** Answers that may well change by asking again later: the server or a proxy in trouble, too many requests. */
const worthRetrying = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/** An in-tab lock for where Web Locks are missing (and for the tests). */
export function queueInOrder(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * The organizer's writes, sent exactly once and in order, whatever the signal. Each command
 * gets its Idempotency-Key once and is stored with it before anything is sent; it is sent at
 * once when online with nothing older waiting, and otherwise waits. Waiting items are sent one
 * at a time, oldest first, each with its own stored key: a send whose answer was lost is
 * written once by the API however often it is replayed.
 */
export class Outbox {
  private draining?: Promise<void>;
  private askedAgain = false;
  private failures = 0;

  constructor(private readonly deps: OutboxDeps) {}

  /**
   * Sends now when it can and answers `sent`; otherwise keeps the command and answers
   * `queued`. A refusal of a command sent at once (4xx) is thrown as an ApiError so the form
   * can show it beside the field; the command is then not kept (the form still holds it).
   */
  async sendOrQueue<C extends OutboxCommand>(command: C): Promise<SendResult<C['kind']>> {
    const item: NewOutboxItem = {
      ...command,
      owner: this.deps.owner() ?? 'unknown',
      idempotencyKey: (this.deps.newKey ?? (() => crypto.randomUUID()))(),
      recordedAt: new Date().toISOString(),
      state: 'waiting',
    };
    const outcome = await this.deps.exclusive(async (): Promise<Delivery | 'queued'> => {
      const older = (await this.deps.store.list(item.owner)).some((i) => i.state !== 'attention');
      if (older || !this.deps.online()) {
        await this.deps.store.add(item);
        return 'queued';
      }
      const seq = await this.deps.store.add({ ...item, state: 'sending' });
      const delivery = await this.deliver(item);
      if (delivery.kind === 'accepted' || delivery.kind === 'refused') await this.deps.store.remove(seq);
      else await this.deps.store.update(seq, { state: 'waiting' });
      return delivery;
    });
    this.deps.changed();
    if (outcome === 'queued') {
      if (this.deps.online()) void this.replay();
      return { state: 'queued' };
    }
    switch (outcome.kind) {
      case 'accepted':
        this.failures = 0;
        return { state: 'sent', response: outcome.response as CommandAnswer<C['kind']> };
      case 'refused':
        throw new ApiError(outcome.status, outcome.body);
      case 'signedOut': // the client told the shell: the person signs in again, and nothing is dropped
        return { state: 'queued' };
      case 'unreachable':
        this.unreachable();
        return { state: 'queued' };
    }
  }

  /** Sends what waits, oldest first, until nothing waits or the connection fails; one replay at a time. */
  replay(): Promise<void> {
    if (this.draining) {
      this.askedAgain = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /**
   * 再送: sends a refused item again now, with its own key. It stays in the list (with the new
   * reason) if refused again, and joins the waiting ones if the connection fails.
   */
  async retry(seq: number): Promise<void> {
    const delivery = await this.deps.exclusive(async (): Promise<Delivery['kind'] | 'gone'> => {
      const item = await this.deps.store.get(seq);
      if (!item) return 'gone';
      const sent = await this.deliver(item);
      if (sent.kind === 'accepted') await this.deps.store.remove(seq);
      else if (sent.kind === 'refused') await this.deps.store.update(seq, { refusal: { status: sent.status, body: sent.body } });
      else await this.deps.store.update(seq, { state: 'waiting' });
      return sent.kind;
    });
    this.deps.changed();
    if (delivery === 'unreachable') this.unreachable();
  }

  /** 破棄: only when the person asks; nothing is ever dropped otherwise. */
  async discard(seq: number): Promise<void> {
    await this.deps.exclusive(() => this.deps.store.remove(seq));
    this.deps.changed();
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.askedAgain = false;
      const step = await this.deps.exclusive(() => this.sendOldest());
      if (step !== 'idle') this.deps.changed();
      switch (step) {
        case 'accepted':
        case 'refused':
          this.failures = 0;
          continue;
        case 'signedOut':
          return;
        case 'unreachable':
          this.unreachable();
          return;
        case 'idle':
          if (this.askedAgain) continue;
          return;
      }
    }
  }

  private unreachable(): void {
    this.failures += 1;
    this.deps.retryLater(() => void this.replay(), this.failures);
  }

  private async sendOldest(): Promise<Delivery['kind'] | 'idle'> {
    const owner = this.deps.owner();
    if (!owner || !this.deps.online()) return 'idle';
    // a `sending` item found here was left by a tab that closed mid-send: it waits like the rest
    const next = (await this.deps.store.list(owner)).find((i) => i.state !== 'attention');
    if (!next) return 'idle';
    const delivery = await this.deliver(next);
    if (delivery.kind === 'accepted') await this.deps.store.remove(next.seq);
    if (delivery.kind === 'refused') await this.deps.store.update(next.seq, { state: 'attention', refusal: { status: delivery.status, body: delivery.body } });
    return delivery.kind;
  }

  /** Sends one item through the typed client, with its stored key. */
  private async deliver(item: NewOutboxItem | OutboxItem): Promise<Delivery> {
    const command = commandFromStorage(item);
    if (!command) return { kind: 'refused', status: 400, body: { statusCode: 400, message: 'The outbox does not know this command' } };
    const { method, path } = OUTBOX_ROUTES[command.kind];
    let answer: { data?: unknown; error?: unknown; response: Response };
    try {
      // one call for every kind: the command's own type checked its params and body against `paths` when it was made
      answer = await this.deps.client.request(
        method === 'POST' ? 'post' : 'patch',
        path as never,
        {
          params: { path: command.params },
          body: command.body,
          headers: { 'Idempotency-Key': item.idempotencyKey },
          // read as text: an answer that is not JSON still counts as accepted
          parseAs: 'text',
          signal: AbortSignal.timeout(this.deps.sendTimeoutMs ?? 20_000),
        } as never,
      );
    } catch {
      // no connection, or the answer was lost on the way: the stored key makes the next try safe
      return { kind: 'unreachable' };
    }
    const { response } = answer;
    if (response.ok) return { kind: 'accepted', response: parseJson(answer.data) };
    if (response.status === 401) return { kind: 'signedOut' };
    if (worthRetrying(response.status)) return { kind: 'unreachable' };
    const body = typeof answer.error === 'object' && answer.error !== null ? (answer.error as ErrorBody) : { statusCode: response.status };
    return { kind: 'refused', status: response.status, body };
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
