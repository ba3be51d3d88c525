import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AGGREGATION_QUEUE } from '../../platform/queue/queues';
import { AggregationDoorbell } from './aggregation.doorbell';
import { AggregationJobs } from './aggregation.jobs';
import { AggregationService } from './aggregation.service';

/** Shared by the API (to ring the doorbell, queue and read jobs) and the worker (to apply). */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE })],
  providers: [AggregationService, AggregationDoorbell, AggregationJobs],
  exports: [AggregationService, AggregationDoorbell, AggregationJobs, BullModule],
})
export class AggregationModule {}
