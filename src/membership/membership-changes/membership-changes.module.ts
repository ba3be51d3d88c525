import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { BulkWriteTurns } from './bulk-write-turns';
import { MembershipChangesController } from './membership-changes.controller';
import { MembershipChangesService } from './membership-changes.service';

/** The ledger API; bulk writes take turns before their body is read. */
@Module({
  imports: [AggregationModule, IdempotencyModule],
  controllers: [MembershipChangesController],
  providers: [MembershipChangesService],
})
export class MembershipChangesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BulkWriteTurns).forRoutes({ path: 'membership-changes/bulk', method: RequestMethod.POST });
  }
}
