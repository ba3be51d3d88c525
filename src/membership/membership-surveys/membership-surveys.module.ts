import { Module } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { ClockModule } from '../../platform/time/clock';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { MembershipSurveysController } from './membership-surveys.controller';
import { MembershipSurveysService } from './membership-surveys.service';

@Module({
  imports: [AggregationModule, IdempotencyModule, ClockModule],
  controllers: [MembershipSurveysController],
  providers: [MembershipSurveysService],
  exports: [MembershipSurveysService],
})
export class MembershipSurveysModule {}
