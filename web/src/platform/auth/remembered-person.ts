import { openDB, type IDBPDatabase } from 'idb';
import type { Me } from './session';

/**
 * Who is signed in on this device, remembered so that the installed app opens without a
 * signal (an organizer in a basement reloads the page and still sees what waits to be sent).
 * It is only who the person is (name, role, scope), never a credential: the session itself
 * stays in the HttpOnly cookie, and the API still refuses everything once that is over.
 * Forgotten at sign-out and when the API says the session is over.
 */
const STORE = 'person';
let db: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  db ??= openDB('rengo-session', 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
  return db;
}

export async function rememberPerson(me: Me): Promise<void> {
  await (await open()).put(STORE, me, 'me');
}

export async function rememberedPerson(): Promise<Me | undefined> {
  return (await (await open()).get(STORE, 'me')) as Me | undefined;
}

export async function forgetPerson(): Promise<void> {
  await (await open()).delete(STORE, 'me');
}
