import { Module } from '@nestjs/common';
import { AggregationModule } from '../../membership/aggregation/aggregation.module';
import { AuthModule } from '../auth/auth.module';
import { AdminController } from './admin.controller';
import { InvariantsService } from './invariants.service';
import { QueueBoard } from './queue-board';
import { QueueSessionController } from './queue-session.controller';

/** Operations: rebuild and job status, the rollup invariant, the queue UI (Bull Board) for admins. */
@Module({
  imports: [AggregationModule, AuthModule],
  controllers: [AdminController, QueueSessionController],
  providers: [InvariantsService, QueueBoard],
})
export class AdminModule {}
