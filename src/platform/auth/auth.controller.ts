import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditLog } from '../audit/audit-log';
import { Authenticated, Caller, Public } from '../common/auth/auth.decorators';
import type { AuthenticatedRequest } from '../common/auth/auth.guard';
import type { CurrentUser } from '../common/auth/roles';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { LoginDto, LoginResultDto, MeDto, SessionDto } from './dto/login.dto';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor, sessionCookieOptions } from './session';
import { SessionRevocations } from './session-revocations';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For scripts: the bearer token in the answer. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this e-mail address' })
  @ApiOperation({ operationId: 'signIn', summary: 'Sign in and receive a bearer token' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<LoginResultDto> {
    return this.auth.login(dto, { ip: request.ip, requestId: request.id });
  }

  /**
   * For the web console: the token goes into an HttpOnly, SameSite=Strict session cookie
   * (Secure over HTTPS) and is not in the answer; the CSRF token that unsafe requests must
   * send in the x-csrf-token header is in the answer and in the readable rengo_csrf cookie.
   */
  @Public()
  @Post('auth/session')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this e-mail address' })
  @ApiOperation({ operationId: 'openSession', summary: 'Sign in to the web console with a session cookie' })
  async openSession(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const { accessToken, user, jti } = await this.auth.loginWithSession(dto, { ip: request.ip, requestId: request.id });
    const csrfToken = csrfTokenFor(jti, this.config.jwtSecret);
    const secure = request.protocol === 'https';
    const maxAge = this.config.jwtExpiresInSeconds;
    void reply.setCookie(SESSION_COOKIE, accessToken, sessionCookieOptions(true, secure, maxAge));
    void reply.setCookie(CSRF_COOKIE, csrfToken, sessionCookieOptions(false, secure, maxAge));
    return { user, csrfToken };
  }

  /** Ends the session the request was made with (cookie or bearer): its token is refused from now on. */
  @Authenticated()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out; the session cookies are cleared' })
  @ApiOperation({ operationId: 'signOut', summary: 'Sign out: end the current session' })
  async logout(@Req() request: FastifyRequest & AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { jti, expiresAt } = request.session ?? {};
    if (jti && expiresAt) await this.revocations.revoke(jti, expiresAt);
    await this.audit.recordAlone(request.user ?? null, { action: 'session.signed_out', targetId: request.user?.id });
    const secure = request.protocol === 'https';
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(true, secure));
    void reply.clearCookie(CSRF_COOKIE, sessionCookieOptions(false, secure));
  }

  @Authenticated()
  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  me(@Caller() caller: CurrentUser): MeDto {
    const { id, email, displayName, role, regionalCouncilId, federationId } = caller;
    return { id, email, displayName, role, regionalCouncilId, federationId };
  }
}
