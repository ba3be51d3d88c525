import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../common/auth/auth.decorators';
import { REDIS } from '../redis/redis.module';

/** 200 when PostgreSQL and Redis answer; 503 naming the one that does not. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ operationId: 'checkHealth', summary: 'Check that PostgreSQL and Redis answer' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.postgres.pingCheck('postgres', { timeout: 2000 }), () => this.pingRedis()]);
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([this.redis.ping(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]);
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: 'unexpected answer' });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    } finally {
      // a timer left running kept the process (and a test worker) alive 2 s after every check
      clearTimeout(timer);
    }
  }
}
