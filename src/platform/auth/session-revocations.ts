import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

/** What a token says about its session: its id, its user, and when it was signed in. */
export interface SessionClaims {
  jti?: string;
  sub: string;
  /** Milliseconds since the epoch (the `signedInAt` claim; older tokens have only `iat`, in seconds). */
  signedInAt?: number;
  iat?: number;
}

/**
 * Ended sessions, kept in Redis so every API process sees an end at once, each key only
 * until the tokens it refuses would have expired anyway:
 * - a signed-out session: its token id (jti);
 * - every session of a user signed in before a moment (a password reset): the moment.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(jti: string): string {
    return `${this.config.queuePrefix}:revoked-session:${jti}`;
  }

  private userKey(userId: string): string {
    return `${this.config.queuePrefix}:sessions-valid-from:${userId}`;
  }

  /** `expiresAt` in seconds since the epoch (the token's exp). */
  async revoke(jti: string, expiresAt: number): Promise<void> {
    const seconds = Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
    await this.redis.set(this.key(jti), '1', 'EX', seconds);
  }

  /** Ends every session the user has now; sessions signed in afterwards are unaffected. */
  async revokeAllOf(userId: string): Promise<void> {
    await this.redis.set(this.userKey(userId), String(Date.now()), 'EX', this.config.jwtExpiresInSeconds);
  }

  /** One round trip for both kinds of end. */
  async isRevoked(claims: SessionClaims): Promise<boolean> {
    const [signedOut, validFrom] = await this.redis.mget(claims.jti ? this.key(claims.jti) : this.userKey(claims.sub), this.userKey(claims.sub));
    if (claims.jti && signedOut) return true;
    if (!validFrom) return false;
    const signedInAt = claims.signedInAt ?? (claims.iat ?? 0) * 1000;
    return signedInAt < Number(validFrom);
  }
}
