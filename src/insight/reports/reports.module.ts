import { Module } from '@nestjs/common';
import { ClockModule } from '../../platform/time/clock';
import { DuesController } from './dues.controller';
import { DuesService } from './dues.service';
import { GenderController } from './gender.controller';
import { GenderService } from './gender.service';
import { GenderParticipationController } from './gender-participation.controller';
import { GenderParticipationService } from './gender-participation.service';
import { GrowthController } from './growth.controller';
import { GrowthService } from './growth.service';
import { LossCausesController } from './loss-causes.controller';
import { LossCausesService } from './loss-causes.service';
import { NetChangeController } from './net-change.controller';
import { NetChangeService } from './net-change.service';
import { ReportCacheModule } from './report-cache';
import { RollupReader } from './rollup-reader';

/** Membership reports: they read the rollups and the published month closes, never the ledger. */
@Module({
  imports: [ClockModule, ReportCacheModule],
  controllers: [GrowthController, LossCausesController, NetChangeController, GenderController, DuesController, GenderParticipationController],
  providers: [RollupReader, GrowthService, LossCausesService, NetChangeService, GenderService, DuesService, GenderParticipationService],
  exports: [RollupReader],
})
export class ReportsModule {}
