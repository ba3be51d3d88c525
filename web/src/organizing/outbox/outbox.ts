import { useSyncExternalStore } from 'react';
import { api } from '../../platform/api/client';
import { queryClient } from '../../platform/api/query-client';
import { meQuery } from '../../platform/auth/session';
import { Outbox, queueInOrder, type SendResult } from './outbox-sender';
import type { CommandKind, OutboxCommand } from './commands';
import { OutboxStore, type OutboxItem } from './outbox-store';

export type { CommandKind, OutboxCommand, OutboxItem, SendResult };

/**
 * The organizer's outbox in this browser. The organizing screens hand every write (visit,
 * consultation, new prospect, stage move) to `sendOrQueue`, never to the client directly:
 * a write made without a signal waits in IndexedDB and is sent later, exactly once and in
 * order — when the connection comes back, when the app comes to the front, and at start.
 */
const NAME = 'rengo-outbox';
const store = new OutboxStore(NAME);
const otherTabs = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(NAME);
const inThisTab = queueInOrder();

/** One sender at a time across the person's tabs (Web Locks), so replays keep their order. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Partial<Navigator>).locks;
  return locks ? (locks.request(NAME, work) as Promise<T>) : inThisTab(work);
}

let retryTimer: number | undefined;
/** Tries again after 2, 4, 8 … seconds (at most a minute): a basement's signal comes and goes without an `online` event. */
function retryLater(replay: () => void, failures: number): void {
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(replay, Math.min(60_000, 2_000 * 2 ** (failures - 1)));
}

const currentOwner = (): string | undefined => queryClient.getQueryData(meQuery.queryKey)?.id;

const outbox = new Outbox({
  store,
  client: api,
  owner: currentOwner,
  online: () => navigator.onLine,
  changed: () => {
    void readView();
    otherTabs?.postMessage('changed');
  },
  exclusive,
  retryLater,
});

/** What the screens show: how many items wait, and those needing attention (要対応). */
interface OutboxView {
  waiting: number;
  attention: OutboxItem[];
}
let view: OutboxView = { waiting: 0, attention: [] };
let reads = 0;
const listeners = new Set<() => void>();

async function readView(): Promise<void> {
  const read = ++reads;
  const owner = currentOwner();
  const items = owner ? await store.list(owner) : [];
  if (read !== reads) return; // a later read is on its way
  view = { waiting: items.filter((i) => i.state !== 'attention').length, attention: items.filter((i) => i.state === 'attention') };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends now when it can (`sent`); otherwise keeps the command to send later (`queued`). A 4xx on a send made now is thrown as an ApiError. The command's params and body are typed from the API's `paths`. */
export function sendOrQueue<C extends OutboxCommand>(command: C): Promise<SendResult<C['kind']>> {
  return outbox.sendOrQueue(command);
}

/** How many recorded items wait to be sent, live (also as other tabs send them). */
export function useOutboxCount(): number {
  return useSyncExternalStore(subscribe, () => view.waiting);
}

/** The items the API refused (要対応), oldest first, until the person sends them again or discards them. */
export function useOutboxAttention(): OutboxItem[] {
  return useSyncExternalStore(subscribe, () => view.attention);
}

/** 再送: sends a refused item again, with its own key. */
export function retryOutboxItem(seq: number): Promise<void> {
  return outbox.retry(seq);
}

/** 破棄: removes an item, only because the person asked. */
export function discardOutboxItem(seq: number): Promise<void> {
  return outbox.discard(seq);
}

let started = false;
const replayNow = (): void => void outbox.replay();

/** Reads the outbox and sends what waits; the first call also listens for the connection, focus and other tabs. */
export function startOutbox(): void {
  if (!started) {
    started = true;
    window.addEventListener('online', replayNow);
    window.addEventListener('focus', replayNow);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') replayNow();
    });
    if (otherTabs) otherTabs.onmessage = () => void readView();
  }
  void readView();
  replayNow();
}
