import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import type { RequestOrigin } from '../common/auth/roles';
import { query, sql } from '../database/sql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { PlatformErrorCode } from '../error-codes';
import { REDIS } from '../redis/redis.module';
import { USER_COLUMNS, User } from '../users/user.entity';
import { toUserDto } from '../users/dto/user.dto';
import { LoginDto, LoginResultDto } from './dto/login.dto';

// Compared against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = argon2.hash('not-a-real-password');

/**
 * Takes one attempt from the address's allowance, atomically: counts it as a failure in
 * advance (the window restarting, as every failure restarts it) while fewer than the limit
 * are counted, and answers 1; at the limit it counts nothing and answers 0. Parallel
 * attempts thus never pass a check they would fail one after another.
 */
const TAKE_ATTEMPT = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async login(dto: LoginDto, origin: RequestOrigin): Promise<LoginResultDto> {
    const { accessToken, user } = await this.loginWithSession(dto, origin);
    return { accessToken, user };
  }

  /**
   * Signs in and names the new session (the token's jti). Every attempt is in the audit
   * trail: a success, a wrong address or password (the address tried), and a refusal while
   * the address is locked out.
   */
  async loginWithSession({ email, password }: LoginDto, origin: RequestOrigin): Promise<LoginResultDto & { jti: string }> {
    const attempt = { email, origin };
    const failuresKey = `${this.config.queuePrefix}:login-failures:${email.toLowerCase()}`;
    const allowed = await this.redis.eval(TAKE_ATTEMPT, 1, failuresKey, this.config.loginMaxFailures, this.config.loginFailureWindowSeconds);
    if (allowed !== 1) {
      await this.audit.recordAlone(attempt, { action: 'session.locked', outcome: 'denied' });
      throw new DomainError(
        PlatformErrorCode.TOO_MANY_FAILED_LOGINS,
        HttpStatus.TOO_MANY_REQUESTS,
        'Too many failed sign-ins for this address; wait a few minutes and try again',
      );
    }
    const [user] = await query<User[]>(
      this.db,
      sql`SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.email) = lower(${email})`,
    );
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    // a failure was counted when the attempt was taken
    if (user && valid && user.disabledAt) {
      await this.audit.recordAlone(
        { ...attempt, id: user.id, role: user.role },
        { action: 'session.sign_in_failed', outcome: 'denied', targetId: user.id, reason: 'disabled' },
      );
      throw new DomainError(PlatformErrorCode.ACCOUNT_DISABLED, HttpStatus.UNAUTHORIZED, 'This account has been disabled by an administrator');
    }
    if (!user || !valid) {
      await this.audit.recordAlone(user ? { ...attempt, id: user.id, role: user.role } : attempt, {
        action: 'session.sign_in_failed',
        outcome: 'denied',
        targetId: user?.id,
      });
      throw new DomainError(PlatformErrorCode.WRONG_CREDENTIALS, HttpStatus.UNAUTHORIZED, 'E-mail or password is wrong');
    }
    // as before, a right password clears the address's failures
    await this.redis.del(failuresKey);
    // jti: the session's id, which sign-out revokes and the CSRF token is bound to
    const jti = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, signedInAt: Date.now() }, { jwtid: jti });
    await this.audit.recordAlone({ ...attempt, id: user.id, email: user.email, role: user.role }, { action: 'session.signed_in', targetId: user.id });
    return { accessToken, user: toUserDto(user), jti };
  }
}
