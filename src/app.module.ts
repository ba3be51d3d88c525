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
import { LabelsModule } from './labels/labels.module';
import { FederationsModule } from './federations/federations.module';
import { RegionalCouncilsModule } from './regional-councils/regional-councils.module';
import { UnionsModule } from './unions/unions.module';
import { MembershipChangesModule } from './membership-changes/membership-changes.module';
import { MembershipSurveysModule } from './membership-surveys/membership-surveys.module';
import { GoalsModule } from './goals/goals.module';
import { ReportsModule } from './reports/reports.module';
import { PeriodsModule } from './periods/periods.module';
import { LossReviewsModule } from './loss-reviews/loss-reviews.module';
import { ProspectsModule } from './prospects/prospects.module';
import { VisitsModule } from './visits/visits.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { AdminModule } from './admin/admin.module';

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
        LabelsModule,
        FederationsModule,
        RegionalCouncilsModule,
        UnionsModule,
        MembershipChangesModule,
        MembershipSurveysModule,
        GoalsModule,
        ReportsModule,
        PeriodsModule,
        LossReviewsModule,
        ProspectsModule,
        VisitsModule,
        ConsultationsModule,
        AdminModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
