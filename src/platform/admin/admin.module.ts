import { Module } from '@nestjs/common';
import { AggregationModule } from '../../membership/aggregation/aggregation.module';
import { AuthModule } from '../auth/auth.module';
import { AdminController } from './admin.controller';
import { AdminOperations } from './admin-operations.service';
import { InvariantsService } from './invariants.service';
import { QueueBoard } from './queue-board';
import { QueueSessionController } from './queue-session.controller';

/** Operations: rebuild and job status, the rollup invariant, the queue UI (Bull Board) for admins. */
@Module({
  imports: [AggregationModule, AuthModule],
  controllers: [AdminController, QueueSessionController],
  providers: [AdminOperations, InvariantsService, QueueBoard],
})
export class AdminModule {}
