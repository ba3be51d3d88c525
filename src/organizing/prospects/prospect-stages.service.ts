import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { AuditLog } from '../../platform/audit/audit-log';
import { forbidden, staleVersion } from '../../platform/common/errors/domain-error';
import { Page, PageQuery, page } from '../../platform/common/http/pagination';
import { selectPage } from '../../platform/database/select-page';
import { sql } from '../../platform/database/sql';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { ProspectDto } from './dto/prospect.dto';
import { MoveStageDto, ReopenProspectDto, StageChangeDto, toStageChangeDto } from './dto/stage.dto';
import { auditScopeOf, canManage, canMoveStage } from './prospect-access';
import { Prospect } from './prospect.entity';
import { ProspectStageChange } from './prospect-stage-change.entity';
import { ProspectsService } from './prospects.service';
import { applyStageChange, assertMoveAllowed } from './stage-change';

/** A history row with its author's name. */
type HistoryRow = ProspectStageChange & { changedByName: string | null };

const HISTORY_COLUMNS = sql`c.id, c.kind, c.from_stage AS "fromStage", c.to_stage AS "toStage", c.note, c.changed_by AS "changedBy",
  u.display_name AS "changedByName", c.changed_at AS "changedAt"`;

/** Stage moves, reopenings by council staff, and the history of every move. */
@Injectable()
export class ProspectStagesService {
  constructor(
    private readonly db: DataSource,
    private readonly prospects: ProspectsService,
    private readonly idempotent: IdempotentWriter,
    private readonly audit: AuditLog,
  ) {}

  async move(id: string, dto: MoveStageDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(
      caller,
      request,
      dto,
      async (manager) => {
        const prospect = await this.prospects.findInScope(manager, id, caller);
        if (!canMoveStage(caller, prospect)) {
          throw forbidden('Only the organizers assigned to this prospect and the staff of its council move its stage');
        }
        const note = dto.note?.trim() || null;
        if (dto.version !== prospect.version) throw staleVersion();
        assertMoveAllowed(prospect, dto.stage, 'move', note);
        await this.audit.recordChange(
          manager,
          caller,
          Prospect,
          id,
          () => ({ action: 'prospect.stage_changed', scope: auditScopeOf(prospect) }),
          () => applyStageChange(manager, prospect, dto.stage, 'move', note, caller),
        );
        return this.prospects.get(id, caller, manager);
      },
      200,
    );
    return result.body;
  }

  /** Out of affiliated or lost, back to a working stage: council staff only, with a reason. */
  async reopen(id: string, dto: ReopenProspectDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(
      caller,
      request,
      dto,
      async (manager) => {
        const prospect = await this.prospects.findInScope(manager, id, caller);
        if (!canManage(caller, prospect)) throw forbidden('Only the staff of its regional council reopen a prospect');
        const note = dto.note.trim() || null;
        if (dto.version !== prospect.version) throw staleVersion();
        assertMoveAllowed(prospect, dto.stage, 'reopen', note);
        await this.audit.recordChange(
          manager,
          caller,
          Prospect,
          id,
          () => ({ action: 'prospect.reopened', scope: auditScopeOf(prospect) }),
          () => applyStageChange(manager, prospect, dto.stage, 'reopen', note, caller),
        );
        return this.prospects.get(id, caller, manager);
      },
      200,
    );
    return result.body;
  }

  /** Every stage the prospect entered, oldest first (seq, an identity, breaks ties), with who moved it. */
  async history(id: string, pageQuery: PageQuery, caller: CurrentUser): Promise<Page<StageChangeDto>> {
    await this.prospects.findInScope(this.db.manager, id, caller);
    const { rows, total } = await selectPage<HistoryRow>(
      this.db,
      {
        columns: HISTORY_COLUMNS,
        from: sql`prospect_stage_changes c LEFT JOIN users u ON u.id = c.changed_by`,
        countFrom: sql`prospect_stage_changes c`,
        where: sql`c.prospect_id = ${id}`,
        orderBy: sql`c.changed_at, c.seq`,
      },
      pageQuery,
    );
    return page(rows.map(toStageChangeDto), total, pageQuery);
  }
}
