import { Injectable } from '@nestjs/common';
import { AuditEvents } from '../../platform/audit/audit-events.service';
import { AuditEventPageDto, RecordHistoryQuery } from '../../platform/audit/dto/audit-event.dto';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { sql } from '../../platform/database/sql';
import { canReadVisits } from './prospect-access';
import { ProspectsService } from './prospects.service';

/**
 * A prospect's 履歴 tab: its own audit events and those of its visits (recorded with the
 * visit as target, found through the visits table, so the target index serves both), for
 * whoever may read the prospect; the visits' only for those who may read visits.
 */
@Injectable()
export class ProspectHistoryService {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly events: AuditEvents,
  ) {}

  async read(id: string, query: RecordHistoryQuery, caller: CurrentUser): Promise<AuditEventPageDto> {
    await this.prospects.get(id, caller);
    const visits = canReadVisits(caller) ? { targetType: 'visit', ids: sql`SELECT v.id::text FROM visits v WHERE v.prospect_id = ${id}` } : undefined;
    return this.events.forRecord('prospect', id, query, visits);
  }
}
