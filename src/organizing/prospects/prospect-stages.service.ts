import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { forbidden, staleVersion } from '../../platform/common/errors/domain-error';
import { Page, PageQuery, page } from '../../platform/common/http/pagination';
import { query, sql } from '../../platform/database/sql';
import { IdempotentRequest, IdempotentWriter } from '../../platform/idempotency/idempotency';
import { ProspectDto } from './dto/prospect.dto';
import { MoveStageDto, ReopenProspectDto, StageChangeDto, toStageChangeDto } from './dto/stage.dto';
import { canManage, canMoveStage } from './prospect-access';
import { ProspectStageChange } from './prospect-stage-change.entity';
import { ProspectsService } from './prospects.service';
import { applyStageChange, assertMoveAllowed } from './stage-change';

/** A history row with its author's name and the count of all rows (bigint: text). */
type HistoryRow = ProspectStageChange & { changedByName: string | null; total: string };

/** Stage moves, reopenings by council staff, and the history of every move. */
@Injectable()
export class ProspectStagesService {
  constructor(
    private readonly db: DataSource,
    private readonly prospects: ProspectsService,
    private readonly idempotent: IdempotentWriter,
  ) {}

  async move(id: string, dto: MoveStageDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      const prospect = await this.prospects.findInScope(manager, id, caller);
      if (!canMoveStage(caller, prospect)) {
        throw forbidden('Only the organizers assigned to this prospect and the staff of its council move its stage');
      }
      const note = dto.note?.trim() || null;
      if (dto.version !== prospect.version) throw staleVersion();
      assertMoveAllowed(prospect, dto.stage, 'move', note);
      await applyStageChange(manager, prospect, dto.stage, 'move', note, caller);
      return this.prospects.get(id, caller, manager);
    }, 200);
    return result.body;
  }

  /** Out of affiliated or lost, back to a working stage: council staff only, with a reason. */
  async reopen(id: string, dto: ReopenProspectDto, caller: CurrentUser, request: IdempotentRequest): Promise<ProspectDto> {
    const result = await this.idempotent.run(caller, request, dto, async (manager) => {
      const prospect = await this.prospects.findInScope(manager, id, caller);
      if (!canManage(caller, prospect)) throw forbidden('Only the staff of its regional council reopen a prospect');
      const note = dto.note.trim() || null;
      if (dto.version !== prospect.version) throw staleVersion();
      assertMoveAllowed(prospect, dto.stage, 'reopen', note);
      await applyStageChange(manager, prospect, dto.stage, 'reopen', note, caller);
      return this.prospects.get(id, caller, manager);
    }, 200);
    return result.body;
  }

  /** Every stage the prospect entered, oldest first, with who moved it. */
  async history(id: string, pageQuery: PageQuery, caller: CurrentUser): Promise<Page<StageChangeDto>> {
    await this.prospects.findInScope(this.db.manager, id, caller);
    const rows = await query<HistoryRow[]>(
      this.db,
      sql`SELECT c.id, c.kind, c.from_stage AS "fromStage", c.to_stage AS "toStage", c.note, c.changed_by AS "changedBy",
                 u.display_name AS "changedByName", c.changed_at AS "changedAt", count(*) OVER () AS total
            FROM prospect_stage_changes c LEFT JOIN users u ON u.id = c.changed_by
           WHERE c.prospect_id = ${id}
           ORDER BY c.changed_at, c.seq
           LIMIT ${pageQuery.limit} OFFSET ${pageQuery.offset}`,
    );
    // past the last page the window count has no row to ride on
    const total = rows.length ? Number(rows[0].total) : await this.countHistory(id);
    return page(rows.map(toStageChangeDto), total, pageQuery);
  }

  private async countHistory(id: string): Promise<number> {
    const [{ n }] = await query<{ n: number }[]>(this.db, sql`SELECT count(*)::int AS n FROM prospect_stage_changes WHERE prospect_id = ${id}`);
    return n;
  }
}
