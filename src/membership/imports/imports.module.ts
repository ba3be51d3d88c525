import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { IMPORTS_QUEUE } from '../../platform/queue/queues';
import { IdempotencyModule } from '../../platform/idempotency/idempotency.module';
import { ClockModule } from '../../platform/time/clock';
import { AggregationModule } from '../aggregation/aggregation.module';
import { MembershipSurveysModule } from '../membership-surveys/membership-surveys.module';
import { ImportCheck } from './import-check';
import { ImportCommit } from './import-commit';
import { ImportReversal } from './import-reversal';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportTemplatesController } from './import-templates.controller';
import { ImportTemplatesService } from './import-templates.service';
import { StructureCommit } from './structure-commit';

/** The imports API: upload, read, commit, reverse, templates. */
@Module({
  imports: [BullModule.registerQueue({ name: IMPORTS_QUEUE }), AggregationModule, IdempotencyModule],
  controllers: [ImportTemplatesController, ImportsController],
  providers: [ImportsService, ImportReversal, ImportTemplatesService],
})
export class ImportsModule {}

/** The worker's side: checking and committing (the processor is registered in WorkerModule). */
@Module({
  imports: [BullModule.registerQueue({ name: IMPORTS_QUEUE }), AggregationModule, MembershipSurveysModule, ClockModule],
  providers: [ImportCheck, ImportCommit, StructureCommit],
  exports: [ImportCheck, ImportCommit],
})
export class ImportsWorkModule {}
