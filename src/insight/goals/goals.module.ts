import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/common/clock';
import { ReportCacheModule } from '../reports/report-cache';
import { Goal } from './goal.entity';
import { GoalProgressService } from './goal-progress.service';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

@Module({
  imports: [TypeOrmModule.forFeature([Goal]), ClockModule, ReportCacheModule],
  controllers: [GoalsController],
  providers: [GoalsService, GoalProgressService],
})
export class GoalsModule {}
