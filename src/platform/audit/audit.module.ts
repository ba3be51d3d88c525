import { Global, Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditEvents } from './audit-events.service';
import { AuditLog } from './audit-log';

/** The audit trail: AuditLog writes (in every area's transactions), AuditEvents reads. */
@Global()
@Module({ controllers: [AuditEventsController], providers: [AuditLog, AuditEvents], exports: [AuditLog, AuditEvents] })
export class AuditModule {}

/** The worker writes events (an import's commit) but serves no route. */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditWriterModule {}
