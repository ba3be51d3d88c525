import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { query, sql } from '../../database/sql';
import { DATA_VERSION_COLUMN, DataVersionedRequest, WithDataVersion, takeDataVersion } from '../data-version';
import { forbidden } from '../errors/domain-error';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { CurrentUser, Role } from './roles';

interface TokenPayload {
  sub: string;
}

/**
 * What the guard leaves on an authenticated request: the caller and the data version,
 * read in the same statement as the user (see data-version.ts).
 */
export interface AuthenticatedRequest extends DataVersionedRequest {
  headers: Record<string, string | undefined>;
  user?: CurrentUser;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public();
 * @Authenticated(...roles) narrows the roles. The user is re-read from the
 * database on each request so a deleted user or a changed role takes effect at once;
 * the same statement reads the data version that report caching checks.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException('A bearer token is required');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired');
    }
    const rows = await query<(CurrentUser & WithDataVersion)[]>(
      this.db,
      sql`SELECT id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId",
                 federation_id AS "federationId", ${DATA_VERSION_COLUMN}
          FROM users WHERE id = ${payload.sub}`,
    );
    if (rows.length === 0) throw new UnauthorizedException('The token is invalid or has expired');
    const user = takeDataVersion(rows[0], request);
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) throw forbidden(`Only for: ${roles.join(', ')}`);
    return true;
  }
}
