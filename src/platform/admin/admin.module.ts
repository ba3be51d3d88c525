import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AGGREGATION_QUEUE } from '../queue/queues';
import { AuthModule } from '../auth/auth.module';
import { AdminOperations } from './admin-operations.service';
import { QueueBoard } from './queue-board';
import { QueueSessionController } from './queue-session.controller';

/** Operations: the queue UI (Bull Board) for admins. The aggregation's rebuild and invariants are membership/aggregation's. */
@Module({
  imports: [BullModule.registerQueue({ name: AGGREGATION_QUEUE }), AuthModule],
  controllers: [QueueSessionController],
  providers: [AdminOperations, QueueBoard],
})
export class AdminModule {}
