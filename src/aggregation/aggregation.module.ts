import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AGGREGATION_QUEUE } from '../queue/queues';
import { AggregationDoorbell } from './aggregation.doorbell';
import { AggregationService } from './aggregation.service';

/** Shared by the API (to ring the doorbell) and the worker (to apply). */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE })],
  providers: [AggregationService, AggregationDoorbell],
  exports: [AggregationService, AggregationDoorbell, BullModule],
})
export class AggregationModule {}
