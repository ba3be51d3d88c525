import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { conflict } from '../../platform/common/errors/domain-error';
import { query, sql } from '../../platform/database/sql';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { AggregationDoorbell } from '../aggregation/aggregation.doorbell';
import { MembershipErrorCode } from '../error-codes';
import { writeScope } from '../membership-changes/union-access';
import { ImportDto, ReverseImportDto } from '../../platform/imports/dto/import.dto';
import { toImportDto } from '../../platform/imports/import-rows';
import { ImportsService } from '../../platform/imports/imports.service';

/**
 * Takes a committed membership-changes import back as a whole: one reversing entry per
 * entry it wrote (as POST /membership-changes/:id/reverse writes one), linked to the
 * original and to the import, in one statement and one transaction. Entries already
 * reversed one by one are left as they are. A survey import is corrected by importing
 * (or submitting) the survey again, as a single survey is. Audited as one event with the
 * count of entries reversed and the reason.
 */
@Injectable()
export class ImportReversal {
  constructor(
    private readonly imports: ImportsService,
    private readonly idempotent: IdempotentWriter,
    private readonly doorbell: AggregationDoorbell,
    private readonly audit: AuditLog,
  ) {}

  async reverse(id: string, dto: ReverseImportDto, caller: CurrentUser, request: IdempotentRequest): Promise<ImportDto> {
    writeScope(caller);
    const result = await this.idempotent.run(caller, request, { id, ...dto }, async (manager) => {
      const entry = await this.imports.find(manager, id, caller, true);
      if (entry.state !== 'committed' || entry.kind !== 'membership-changes' || entry.reversed_at) {
        throw conflict(
          MembershipErrorCode.IMPORT_NOT_REVERSIBLE,
          entry.reversed_at ? 'This import has already been reversed' : 'Only a committed membership-changes import can be reversed as a whole',
          [{ field: 'state', message: entry.reversed_at ? 'already reversed' : `is ${entry.state} (${entry.kind})` }],
        );
      }
      const [reversed] = await query<{ entries: number; net: number }[]>(
        manager,
        sql`WITH inserted AS (
              INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, note, reversal_of, import_id, source, recorded_by)
              SELECT c.union_id, c.effective_on, -c.delta, c.cause, c.employment_type, c.gender, ${dto.reason}, c.id, c.import_id, 'reversal', ${caller.id}::uuid
              FROM membership_changes c
              WHERE c.import_id = ${id} AND c.source = 'import'
                AND NOT EXISTS (SELECT 1 FROM membership_changes r WHERE r.reversal_of = c.id)
              ORDER BY c.seq
              RETURNING id, delta
            ), queued AS (
              INSERT INTO aggregation_outbox (change_id) SELECT id FROM inserted RETURNING 1
            )
            SELECT (SELECT count(*) FROM queued)::int AS entries, (SELECT coalesce(sum(delta), 0) FROM inserted)::int AS net`,
      );
      await query(
        manager,
        sql`UPDATE imports SET reversed_at = clock_timestamp(), reversed_by = ${caller.id}, reversal_reason = ${dto.reason} WHERE id = ${id}`,
      );
      await this.audit.record(manager, caller, {
        action: 'import.reversed',
        targetId: id,
        scope: { federationId: entry.scope_federation_id, regionalCouncilId: entry.scope_regional_council_id },
        details: { fileName: entry.file_name, ...reversed },
        reason: dto.reason,
      });
      return toImportDto(await this.imports.find(manager, id, caller));
    });
    if (!result.replayed) await this.doorbell.ring();
    return result.body;
  }
}
