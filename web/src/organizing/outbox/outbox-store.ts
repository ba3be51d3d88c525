import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ErrorBody } from '../../platform/api/errors';
import type { LegacyCommand, OutboxCommand } from './commands';

export type { OutboxCommand };

/**
 * `sending`: being sent at once, while the person waits on the form; `waiting`: to be sent
 * when the connection allows, in order; `attention` (要対応): the API refused it, and it
 * stays until the person sends it again or discards it.
 */
export type OutboxState = 'sending' | 'waiting' | 'attention';

/** What the outbox keeps beside each command. */
interface ItemRecord {
  /** The signed-in person who recorded it: only they send it (a shared phone sends nobody's records as someone else). */
  owner: string;
  /** Made once, when recorded; every send of this item carries it, so the API writes it at most once. */
  idempotencyKey: string;
  recordedAt: string;
  state: OutboxState;
  /** The API's refusal, for 要対応. */
  refusal?: { status: number; body: ErrorBody };
}

/** A command about to be kept. */
export type NewOutboxItem = OutboxCommand & ItemRecord;

/**
 * A kept command and its order of recording (`seq`; items are sent in this order). An item
 * kept by the version before typed commands has its method and path instead of a kind until
 * it is sent (`commandFromStorage`).
 */
export type OutboxItem = (OutboxCommand | LegacyCommand) & ItemRecord & { seq: number };

interface OutboxSchema extends DBSchema {
  items: { key: number; value: OutboxItem; indexes: { owner: string } };
}

/** The outbox in IndexedDB: survives reloads, closed tabs and a phone restarted in a basement. */
export class OutboxStore {
  private db?: Promise<IDBPDatabase<OutboxSchema>>;

  constructor(private readonly name = 'rengo-outbox') {}

  private open(): Promise<IDBPDatabase<OutboxSchema>> {
    this.db ??= openDB<OutboxSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'seq', autoIncrement: true }).createIndex('owner', 'owner');
      },
    });
    return this.db;
  }

  async add(item: NewOutboxItem): Promise<number> {
    // seq is given by the store (autoIncrement), so it is absent here on purpose
    return (await this.open()).add('items', item as OutboxItem);
  }

  /** The person's items in the order they were recorded. */
  async list(owner: string): Promise<OutboxItem[]> {
    // an index lists equal keys in primary-key order: seq, the order of recording
    return (await this.open()).getAllFromIndex('items', 'owner', owner);
  }

  async get(seq: number): Promise<OutboxItem | undefined> {
    return (await this.open()).get('items', seq);
  }

  /** Changes an item that is still there (another tab may have sent or discarded it meanwhile). */
  async update(seq: number, change: Partial<Pick<OutboxItem, 'state' | 'refusal'>>): Promise<void> {
    const tx = (await this.open()).transaction('items', 'readwrite');
    const item = await tx.store.get(seq);
    if (item) {
      const next: OutboxItem = { ...item, ...change };
      if (change.state && change.state !== 'attention') delete next.refusal;
      await tx.store.put(next);
    }
    await tx.done;
  }

  async remove(seq: number): Promise<void> {
    await (await this.open()).delete('items', seq);
  }
}
