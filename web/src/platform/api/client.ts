import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../api/schema';

export type Schemas = components['schemas'];

const CSRF_COOKIE = 'rengo_csrf';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's CSRF token, from the readable cookie the sign-in set (the session cookie itself is HttpOnly). */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

let onSessionExpired: () => void = () => undefined;

/** What to do when the API says the session is over (401): the shell sends the person to sign in. */
export function whenSessionExpires(handler: () => void): void {
  onSessionExpired = handler;
}

/** Tells the shell the session is over, for a 401 met outside this client (the organizer's outbox sends on its own). */
export function sessionHasExpired(): void {
  onSessionExpired();
}

const session: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.includes('/api/v1/auth/session')) onSessionExpired();
    return response;
  },
};

/** The one client of the API: typed from the service's OpenAPI document, cookies sent along. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'include' });
api.use(session);
