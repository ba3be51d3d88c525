import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/time/clock';
import { ReportCacheModule } from '../reports/report-cache';
import { ReportsModule } from '../reports/reports.module';
import { Goal } from './goal.entity';
import { GoalProgressService } from './goal-progress.service';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

@Module({
  imports: [TypeOrmModule.forFeature([Goal]), ClockModule, ReportsModule, ReportCacheModule],
  controllers: [GoalsController],
  providers: [GoalsService, GoalProgressService],
})
export class GoalsModule {}
