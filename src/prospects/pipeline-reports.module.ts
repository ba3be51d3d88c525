import { Module } from '@nestjs/common';

/** GET /reports/pipeline and /reports/organizer-activity (SQL in src/reports/pipeline*.ts). */
@Module({})
export class PipelineReportsModule {}
