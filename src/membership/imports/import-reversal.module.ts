import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { AggregationModule } from '../aggregation/aggregation.module';
import { ImportReversal } from './import-reversal';
import { ImportReversalController } from './import-reversal.controller';

/** POST /imports/:id/reverse (ImportsService comes from the global ImportsModule). */
@Module({
  imports: [AggregationModule, IdempotencyModule],
  controllers: [ImportReversalController],
  providers: [ImportReversal],
})
export class ImportReversalModule {}
