import { Module } from '@nestjs/common';
import { AggregationAdminController } from './aggregation-admin.controller';
import { AggregationModule } from './aggregation.module';
import { AggregationRebuild } from './aggregation-rebuild';
import { InvariantsService } from './invariants.service';

/** The admin's side of the aggregation (API only): rebuild, job status, the rollup invariant. */
@Module({
  imports: [AggregationModule],
  controllers: [AggregationAdminController],
  providers: [AggregationRebuild, InvariantsService],
})
export class AggregationAdminModule {}
