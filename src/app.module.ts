import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { dataSourceOptions } from './platform/database/data-source-options';
import { ErrorFilter } from './platform/common/errors/error.filter';
import { loggerModule } from './platform/logging';
import { RedisModule, bullConnection } from './platform/redis/redis.module';
import { AuthModule } from './platform/auth/auth.module';
import { UsersModule } from './platform/users/users.module';
import { HealthModule } from './platform/health/health.module';
import { SectorsModule } from './structure/sectors/sectors.module';
import { LabelsModule } from './platform/labels/labels.module';
import { FederationsModule } from './structure/federations/federations.module';
import { RegionalCouncilsModule } from './structure/regional-councils/regional-councils.module';
import { UnionsModule } from './structure/unions/unions.module';
import { GovernanceBodiesModule } from './structure/governance-bodies/governance-bodies.module';
import { CompaniesModule } from './structure/companies/companies.module';
import { CompanyGroupsModule } from './organizing/company-groups/company-groups.module';
import { MembershipChangesModule } from './membership/membership-changes/membership-changes.module';
import { MembershipSurveysModule } from './membership/membership-surveys/membership-surveys.module';
import { GoalsModule } from './insight/goals/goals.module';
import { ReportsModule } from './insight/reports/reports.module';
import { ImportsModule } from './platform/imports/imports.module';
import { ImportReversalModule } from './membership/imports/import-reversal.module';
import { IMPORT_KINDS } from './import-kinds';
import { PeriodsModule } from './membership/periods/periods.module';
import { LossReviewsModule } from './insight/loss-reviews/loss-reviews.module';
import { ProspectsModule } from './organizing/prospects/prospects.module';
import { VisitsModule } from './organizing/visits/visits.module';
import { ConsultationsModule } from './organizing/consultations/consultations.module';
import { RemindersModule } from './organizing/reminders/reminders.module';
import { AdminModule } from './platform/admin/admin.module';
import { AggregationAdminModule } from './membership/aggregation/aggregation-admin.module';
import { AuditModule } from './platform/audit/audit.module';
import { ExportsModule } from './platform/exports/exports.module';
import { EXPORT_ROUTES } from './export-routes';
import { LABELS } from './labels';

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
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        SectorsModule,
        LabelsModule.forRoot(LABELS),
        FederationsModule,
        RegionalCouncilsModule,
        UnionsModule,
        GovernanceBodiesModule,
        MembershipChangesModule,
        MembershipSurveysModule,
        GoalsModule,
        ReportsModule,
        PeriodsModule,
        ImportsModule.forRoot(IMPORT_KINDS),
        ImportReversalModule,
        LossReviewsModule,
        ProspectsModule,
        VisitsModule,
        ConsultationsModule,
        RemindersModule,
        CompaniesModule,
        CompanyGroupsModule,
        AggregationAdminModule,
        AdminModule,
        ExportsModule.forRoot(EXPORT_ROUTES),
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
