import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/common/clock';
import { MembershipChangesModule } from '../../membership/membership-changes/membership-changes.module';
import { ProspectsModule } from '../prospects/prospects.module';
import { Visit } from './visit.entity';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [TypeOrmModule.forFeature([Visit]), ProspectsModule, MembershipChangesModule, ClockModule],
  controllers: [VisitsController],
  providers: [VisitsService],
})
export class VisitsModule {}
