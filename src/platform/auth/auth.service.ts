import { HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { PlatformErrorCode } from '../error-codes';
import { REDIS } from '../redis/redis.module';
import { User } from '../users/user.entity';
import { toUserDto } from '../users/dto/user.dto';
import { LoginDto, LoginResultDto } from './dto/login.dto';

// Compared against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = argon2.hash('not-a-real-password');

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login({ email, password }: LoginDto): Promise<LoginResultDto> {
    const failuresKey = `${this.config.queuePrefix}:login-failures:${email.toLowerCase()}`;
    const failures = Number(await this.redis.get(failuresKey)) || 0;
    if (failures >= this.config.loginMaxFailures) {
      throw new DomainError(
        PlatformErrorCode.TOO_MANY_FAILED_LOGINS,
        HttpStatus.TOO_MANY_REQUESTS,
        'Too many failed sign-ins for this address; wait a few minutes and try again',
      );
    }
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !valid) {
      await this.redis
        .multi()
        .incr(failuresKey)
        .expire(failuresKey, this.config.loginFailureWindowSeconds)
        .exec();
      throw new UnauthorizedException('E-mail or password is wrong');
    }
    await this.redis.del(failuresKey);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, user: toUserDto(user) };
  }
}
