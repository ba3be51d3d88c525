import { EntityManager } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, conflict, staleVersion } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { query, sql } from '../../platform/database/sql';
import { OrganizingErrorCode } from '../error-codes';
import { Prospect } from './prospect.entity';
import { StageChangeKind } from './prospect-stage-change.entity';
import { MoveKind, Stage, checkStageMove, heldFromAfter, needsNote } from './stage-rules';

const HISTORY_KIND: Record<MoveKind, StageChangeKind> = { move: 'moved', reopen: 'reopened', affiliate: 'affiliated' };

/** 400 when the move needs a reason and has none; 409 when the rules refuse it. */
export function assertMoveAllowed(prospect: Prospect, to: Stage, kind: MoveKind, note: string | null): void {
  if (needsNote(to, kind) && !note) {
    throw badField(
      'note',
      PlatformErrorCode.REQUIRED,
      kind === 'reopen' ? 'is required: say why the workplace is taken up again' : 'is required: say why it was lost',
    );
  }
  const decision = checkStageMove({ stage: prospect.stage, heldFromStage: prospect.heldFromStage }, to, kind);
  if (!decision.allowed) throw conflict(OrganizingErrorCode.ILLEGAL_STAGE_CHANGE, decision.reason, [{ field: 'stage', message: decision.reason }]);
}

/**
 * Moves the prospect and records the move, in the caller's transaction. The UPDATE is
 * conditional on the version and the stage that were read, so of two concurrent moves
 * from the same version exactly one changes the row; the other gets 409 and nothing.
 */
export async function applyStageChange(
  manager: EntityManager,
  prospect: Prospect,
  to: Stage,
  kind: MoveKind,
  note: string | null,
  caller: CurrentUser,
  unionId: string | null = prospect.unionId,
): Promise<void> {
  const heldFrom = heldFromAfter({ stage: prospect.stage, heldFromStage: prospect.heldFromStage }, to);
  // for an UPDATE, TypeORM answers [rows, affected count]
  const [, affected] = await query<[unknown[], number]>(
    manager,
    sql`UPDATE prospects
           SET stage = ${to}, held_from_stage = ${heldFrom}, union_id = ${unionId}, stage_changed_at = now(),
               version = version + 1, updated_at = now(), updated_by = ${caller.id}
         WHERE id = ${prospect.id} AND version = ${prospect.version} AND stage = ${prospect.stage}`,
  );
  if (affected === 0) throw staleVersion();
  await query(
    manager,
    sql`INSERT INTO prospect_stage_changes (prospect_id, kind, from_stage, to_stage, note, changed_by)
        VALUES (${prospect.id}, ${HISTORY_KIND[kind]}, ${prospect.stage}, ${to}, ${note}, ${caller.id})`,
  );
}
