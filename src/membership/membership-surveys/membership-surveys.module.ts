import { Module } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { ClockModule } from '../../platform/common/clock';
import { MembershipChangesModule } from '../membership-changes/membership-changes.module';
import { MembershipSurveysController } from './membership-surveys.controller';
import { MembershipSurveysService } from './membership-surveys.service';

@Module({
  imports: [AggregationModule, MembershipChangesModule, ClockModule],
  controllers: [MembershipSurveysController],
  providers: [MembershipSurveysService],
})
export class MembershipSurveysModule {}
