import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

/**
 * Signed-out sessions: a token's id (jti) is kept until the token would have expired
 * anyway, and the guard refuses a token whose id is here. Kept in Redis, so every API
 * process sees a sign-out at once.
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

  /** `expiresAt` in seconds since the epoch (the token's exp). */
  async revoke(jti: string, expiresAt: number): Promise<void> {
    const seconds = Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
    await this.redis.set(this.key(jti), '1', 'EX', seconds);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(this.key(jti))) === 1;
  }
}
