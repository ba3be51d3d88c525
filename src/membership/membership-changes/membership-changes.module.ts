import { Module } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { IdempotentWriter } from './idempotency';
import { MembershipChangesController } from './membership-changes.controller';
import { MembershipChangesService } from './membership-changes.service';

/** The ledger API. Exports IdempotentWriter for other POSTs that record facts. */
@Module({
  imports: [AggregationModule],
  controllers: [MembershipChangesController],
  providers: [MembershipChangesService, IdempotentWriter],
  exports: [IdempotentWriter],
})
export class MembershipChangesModule {}
