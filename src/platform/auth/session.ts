import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The console's browser session: the access token rides in an HttpOnly cookie that page
 * scripts cannot read, and every unsafe request made with it carries a CSRF token in a
 * header. The CSRF token is an HMAC of the token's session id (jti), so it is bound to the
 * session and needs no storage (the signed double-submit pattern); the page reads it from
 * a second, readable cookie. Bearer requests (scripts) need no CSRF token.
 */
export const SESSION_COOKIE = 'rengo_session';
export const CSRF_COOKIE = 'rengo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

export function csrfTokenFor(jti: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${jti}`).digest('base64url');
}

export function csrfTokenMatches(sent: string | undefined, jti: string, secret: string): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(jti, secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CookieOptions {
  path: string;
  httpOnly: boolean;
  sameSite: 'strict';
  secure: boolean;
  maxAge?: number;
}

export function sessionCookieOptions(httpOnly: boolean, secure: boolean, maxAgeSeconds?: number): CookieOptions {
  return { path: '/', httpOnly, sameSite: 'strict', secure, ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}
