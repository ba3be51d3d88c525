import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { loggerModule } from './logging';
import { RedisModule, bullConnection } from './redis/redis.module';
import { AggregationModule } from './aggregation/aggregation.module';
import { AggregationProcessor } from './aggregation/aggregation.processor';
import { AggregationSweep } from './aggregation/aggregation.sweep';

/** The queue worker: the only place processors are registered. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), entities: [], autoLoadEntities: true }),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        RedisModule,
        AggregationModule,
      ],
      providers: [AggregationProcessor, AggregationSweep],
    };
  }
}
