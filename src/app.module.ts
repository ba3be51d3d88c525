import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { ErrorFilter } from './common/errors/error.filter';
import { loggerModule } from './logging';
import { RedisModule, bullConnection } from './redis/redis.module';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
import { HealthModule } from './health/health.module';
import { SectorsModule } from './sectors/sectors.module';

/** The HTTP API. Queue processors live only in WorkerModule. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), entities: [], autoLoadEntities: true }),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        RedisModule,
        AuthModule,
        UsersModule,
        HealthModule,
        SectorsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
