/**
 * Checked by `npm run typecheck`, never run: TestApp.request types each answer from the
 * OpenAPI document, so reading a field the API does not promise is a type error.
 */
import type { Call } from './test-app';

declare const request: Call;
declare const id: string;

export async function readsOnlyWhatTheApiPromises(): Promise<void> {
  const union = (await request('GET', `/unions/${id}`)).body;
  const name: string = union.name;
  // @ts-expect-error a union has no `members` field
  void union.members;

  // the most specific route: /unions/{id}/audit, not /unions/{id}
  const history = (await request('GET', `/unions/${id}/audit?limit=5`)).body;
  const actions: string[] = history.items.map((event) => event.action);
  // @ts-expect-error a history page is not a union
  void history.name;

  // a refusal's fields are there to read beside the success answer's
  const refused = (await request('POST', '/membership-changes', { body: {} })).body;
  const fields: string[] = refused.details.map((d) => d.field);

  // @ts-expect-error no such route: a path the document does not have goes through requestUntyped
  await request('GET', '/no-such-route');
  // @ts-expect-error GET only: /auth/login answers POST
  await request('GET', '/auth/login');

  void [name, actions, fields];
}
