import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock';
import { OrganizerActivityService } from '../reports/organizer-activity.service';
import { PipelineController } from '../reports/pipeline.controller';
import { PipelineService } from '../reports/pipeline.service';

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
