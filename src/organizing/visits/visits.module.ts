import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/time/clock';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { ProspectsModule } from '../prospects/prospects.module';
import { Visit } from './visit.entity';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [TypeOrmModule.forFeature([Visit]), ProspectsModule, IdempotencyModule, ClockModule],
  controllers: [VisitsController],
  providers: [VisitsService],
})
export class VisitsModule {}
