import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AggregationModule } from '../../membership/aggregation/aggregation.module';
import { ClockModule } from '../../platform/time/clock';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { AffiliationService } from './affiliation.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { PipelineReportsModule } from '../pipeline-reports/pipeline-reports.module';
import { ProspectHistoryService } from './prospect-history.service';
import { ProspectStageChange } from './prospect-stage-change.entity';
import { ProspectStagesService } from './prospect-stages.service';
import { Prospect } from './prospect.entity';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';

/** The organizing pipeline: prospects, their stages and affiliation, the follow-up list, and its reports. */
@Module({
  imports: [TypeOrmModule.forFeature([Prospect, ProspectStageChange]), AggregationModule, IdempotencyModule, ClockModule, PipelineReportsModule],
  controllers: [ProspectsController, FollowUpsController],
  providers: [ProspectsService, ProspectStagesService, ProspectHistoryService, AffiliationService, FollowUpsService],
  exports: [ProspectsService],
})
export class ProspectsModule {}
