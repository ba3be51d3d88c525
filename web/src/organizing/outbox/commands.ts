import type { paths } from '../../api/schema';

/**
 * Every write the organizing screens hand to the outbox, by kind: the API operation it is.
 * A command's path parameters, body and answer are the operation's own types (from the
 * OpenAPI `paths`), so a command the API would not accept does not compile.
 */
export const OUTBOX_ROUTES = {
  recordVisit: { method: 'POST', path: '/api/v1/prospects/{prospectId}/visits' },
  correctVisit: { method: 'PATCH', path: '/api/v1/visits/{id}' },
  moveStage: { method: 'POST', path: '/api/v1/prospects/{id}/stage' },
  affiliate: { method: 'POST', path: '/api/v1/prospects/{id}/affiliate' },
  createProspect: { method: 'POST', path: '/api/v1/prospects' },
  recordConsultation: { method: 'POST', path: '/api/v1/consultations' },
} as const satisfies Record<string, { method: 'POST' | 'PATCH'; path: keyof paths }>;

type Routes = typeof OUTBOX_ROUTES;
export type CommandKind = keyof Routes;

type Operation<K extends CommandKind> = paths[Routes[K]['path']][Lowercase<Routes[K]['method']> & keyof paths[Routes[K]['path']]];
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The body the operation takes. */
export type CommandBody<K extends CommandKind> = Operation<K> extends { requestBody: infer R } ? JsonOf<R> : never;
/** The path parameters the operation takes (none for a collection). */
type PathParams<K extends CommandKind> = Operation<K> extends { parameters: { path: infer P } } ? NonNullable<P> : never;
/** What the API answers when it accepts the command. */
export type CommandAnswer<K extends CommandKind> =
  Operation<K> extends { responses: { 201: infer R } } ? JsonOf<R> : Operation<K> extends { responses: { 200: infer R } } ? JsonOf<R> : never;

/** One command of kind K: what the person did (in Japanese, shown while it waits), and the operation's parameters. */
export type CommandOf<K extends CommandKind> = {
  kind: K;
  /** What the person did, shown while it waits or needs attention (「訪問の記録 ○○株式会社」). */
  label: string;
  body: CommandBody<K>;
} & ([PathParams<K>] extends [never] ? { params?: undefined } : { params: PathParams<K> });

/** What an organizer recorded, as it is kept and sent: one of the kinds above. */
export type OutboxCommand = { [K in CommandKind]: CommandOf<K> }[CommandKind];

/** How the version before typed commands kept an item: the method and the path with its ids filled in. */
export interface LegacyCommand {
  label: string;
  method: string;
  path: string;
  body: unknown;
}

const isKind = (kind: unknown): kind is CommandKind => typeof kind === 'string' && Object.hasOwn(OUTBOX_ROUTES, kind);

/** Matches a filled-in path against a route's template; its parameters by name, or undefined. */
function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
}

/**
 * A command as read back from the browser's storage (untyped there): itself when it has a
 * known kind; an item kept by the version before typed commands (a phone may hold unsent
 * visits across an update) as the command its method and path name; undefined for anything else.
 */
export function commandFromStorage(stored: OutboxCommand | LegacyCommand): OutboxCommand | undefined {
  if ('kind' in stored) return isKind(stored.kind) ? stored : undefined;
  if (typeof stored.path !== 'string' || typeof stored.method !== 'string') return undefined;
  for (const kind of Object.keys(OUTBOX_ROUTES) as CommandKind[]) {
    const route = OUTBOX_ROUTES[kind];
    const params = route.method === stored.method ? matchPath(route.path, stored.path) : undefined;
    if (params) return { kind, label: stored.label, body: stored.body, ...(Object.keys(params).length > 0 ? { params } : {}) } as OutboxCommand;
  }
  return undefined;
}
