import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AGGREGATION_QUEUE } from '../queue/queues';
import { AggregationService } from './aggregation.service';

/** Shared by the API (to ring the doorbell) and the worker (to apply). */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE })],
  providers: [AggregationService],
  exports: [AggregationService, BullModule],
})
export class AggregationModule {}
