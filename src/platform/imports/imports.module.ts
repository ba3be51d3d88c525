import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IMPORTS_QUEUE } from '../queue/queues';
import { ClockModule } from '../time/clock';
import { ImportCommit } from './commit/import-commit';
import { ImportKinds } from './import-kinds';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportCheck } from './staging/import-check';
import { ImportTemplatesController } from './templates/import-templates.controller';
import { ImportTemplatesService } from './templates/import-templates.service';

/**
 * The imports API (upload, read, commit, templates) over the kinds the app declares
 * (src/import-kinds.ts). Global, so the ledger's reversal of a committed file
 * (membership/imports) reads imports through ImportsService.
 */
@Module({})
export class ImportsModule {
  static forRoot(kinds: ImportKinds): DynamicModule {
    return {
      module: ImportsModule,
      global: true,
      imports: [BullModule.registerQueue({ name: IMPORTS_QUEUE }), IdempotencyModule],
      controllers: [ImportTemplatesController, ImportsController],
      providers: [ImportsService, ImportTemplatesService, { provide: ImportKinds, useValue: kinds }],
      exports: [ImportsService],
    };
  }
}

/**
 * The worker's side: checking and committing (the processor is registered in WorkerModule).
 * `needs`: the modules the kinds' committers take their services from.
 */
@Module({})
export class ImportsWorkModule {
  static forRoot(kinds: ImportKinds, needs: NonNullable<ModuleMetadata['imports']>): DynamicModule {
    return {
      module: ImportsWorkModule,
      imports: [BullModule.registerQueue({ name: IMPORTS_QUEUE }), ClockModule, ...needs],
      providers: [ImportCheck, ImportCommit, ...kinds.committers(), { provide: ImportKinds, useValue: kinds }],
      exports: [ImportCheck, ImportCommit],
    };
  }
}
