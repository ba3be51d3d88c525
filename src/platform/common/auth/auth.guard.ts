import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenMatches, isUnsafeMethod } from '../../auth/session';
import { SessionRevocations } from '../../auth/session-revocations';
import { query, sql } from '../../database/sql';
import { DATA_VERSION_COLUMN, DataVersionedRequest, WithDataVersion, takeDataVersion } from '../data-version';
import { DomainError, forbidden } from '../errors/domain-error';
import { PlatformErrorCode } from '../../error-codes';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { CurrentUser, Role } from './roles';

interface TokenPayload {
  sub: string;
  /** Session id; tokens issued by sign-in always have one, so sign-out can revoke them. */
  jti?: string;
  exp?: number;
  iat?: number;
  /** When the session was signed in, in milliseconds (a password reset ends the sessions before it). */
  signedInAt?: number;
}

/** The session a request was authenticated with (sign-out revokes it). */
export interface RequestSession {
  jti?: string;
  expiresAt?: number;
  viaCookie: boolean;
}

/**
 * What the guard leaves on an authenticated request: the caller, the session, and the
 * data version, read in the same statement as the user (see data-version.ts).
 */
export interface AuthenticatedRequest extends DataVersionedRequest {
  method: string;
  ip: string;
  id: string;
  headers: Record<string, string | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: CurrentUser;
  session?: RequestSession;
}

const invalidToken = (): DomainError => new DomainError(PlatformErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, 'The token is invalid or has expired');

/** The token a request carries: a bearer header (scripts) first, else the console's session cookie. */
export function requestToken(request: { headers: { authorization?: string }; cookies?: Record<string, string | undefined> }): {
  token?: string;
  viaCookie: boolean;
} {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return { token: bearer, viaCookie: false };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return { token: cookie, viaCookie: cookie !== undefined };
}

/**
 * Global guard: every route needs a valid token unless marked @Public(): a bearer header
 * (scripts) or the console's HttpOnly session cookie; with the cookie, unsafe methods also
 * need the session's CSRF token in a header (403 without it). @Authenticated(...roles)
 * narrows the roles. A signed-out session, or one signed in before a password reset, is refused. The user is re-read from the
 * database on each request so a deleted or disabled user or a changed role takes effect at once; the
 * same statement reads the data version that report caching checks.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { token, viaCookie } = requestToken(request);
    if (!token) throw new DomainError(PlatformErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, 'A bearer token or a session cookie is required');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw invalidToken();
    }
    // a session cookie always holds a token with a session id (it is what CSRF tokens are bound to)
    if (viaCookie && !payload.jti) throw invalidToken();

    const [rows, revoked] = await Promise.all([
      query<(CurrentUser & WithDataVersion)[]>(
        this.db,
        sql`SELECT id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId",
                   federation_id AS "federationId", ${DATA_VERSION_COLUMN}
            FROM users WHERE id = ${payload.sub} AND disabled_at IS NULL`,
      ),
      this.revocations.isRevoked(payload),
    ]);
    if (rows.length === 0 || revoked) throw invalidToken();
    if (viaCookie && isUnsafeMethod(request.method) && !csrfTokenMatches(request.headers[CSRF_HEADER], payload.jti as string, this.config.jwtSecret)) {
      throw new DomainError(PlatformErrorCode.CSRF_TOKEN_MISSING, 403, `A request made with the session cookie needs the ${CSRF_HEADER} header`);
    }
    const user = { ...takeDataVersion(rows[0], request), origin: { ip: request.ip, requestId: request.id } };
    request.user = user;
    request.session = { jti: payload.jti, expiresAt: payload.exp, viaCookie };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) throw forbidden(`Only for: ${roles.join(', ')}`);
    return true;
  }
}
