import { AuditWriterModule } from './platform/audit/audit.module';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { dataSourceOptions } from './platform/database/data-source-options';
import { loggerModule } from './platform/logging';
import { RedisModule, bullConnection } from './platform/redis/redis.module';
import { AggregationModule } from './membership/aggregation/aggregation.module';
import { AggregationProcessor } from './membership/aggregation/aggregation.processor';
import { AggregationSweep } from './membership/aggregation/aggregation.sweep';
import { ImportsWorkModule } from './platform/imports/imports.module';
import { ImportsProcessor } from './platform/imports/imports.processor';
import { IMPORT_COMMIT_MODULES, IMPORT_KINDS } from './import-kinds';
import { BackupsWorkModule, nightlyBackupProviders } from './platform/backups/backups.module';
import { RemindersWorkModule } from './organizing/reminders/digest.processor';

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
        AuditWriterModule,
        AggregationModule,
        ImportsWorkModule.forRoot(IMPORT_KINDS, IMPORT_COMMIT_MODULES),
        BackupsWorkModule,
        RemindersWorkModule,
      ],
      providers: [AggregationProcessor, AggregationSweep, ImportsProcessor, ...nightlyBackupProviders(config)],
    };
  }
}
