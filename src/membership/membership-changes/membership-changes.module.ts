import { Module } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { MembershipChangesController } from './membership-changes.controller';
import { MembershipChangesService } from './membership-changes.service';

/** The ledger API. */
@Module({
  imports: [AggregationModule, IdempotencyModule],
  controllers: [MembershipChangesController],
  providers: [MembershipChangesService],
})
export class MembershipChangesModule {}
