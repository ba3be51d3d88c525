import { Module } from '@nestjs/common';
import { ClockModule } from '../../platform/time/clock';
import { OrganizerActivityService } from './organizer-activity.service';
import { PipelineController } from './pipeline.controller';
import { PipelineService } from './pipeline.service';

/**
 * GET /reports/pipeline and /reports/organizer-activity. Their SQL lives in the reports
 * folder with the other reports; the module is imported by ProspectsModule.
 */
@Module({
  imports: [ClockModule],
  controllers: [PipelineController],
  providers: [PipelineService, OrganizerActivityService],
})
export class PipelineReportsModule {}
