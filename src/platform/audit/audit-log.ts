import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { CurrentUser, RequestOrigin } from '../common/auth/roles';
import { query, sql } from '../database/sql';
import { AuditAction, AuditOutcome } from './audit-actions';

/** Field -> [before, after]; a created record has only afters (before null), a deleted one only befores. */
export type AuditChanges = Record<string, [unknown, unknown]>;

export interface AuditEventInput {
  action: AuditAction;
  /** The record acted on; its type is the action's prefix. */
  targetId?: string | null;
  scope?: { federationId?: string | null; regionalCouncilId?: string | null } | null;
  changes?: AuditChanges;
  /** What is not a field change: a count, a file name, an export's filters, format and row count. */
  details?: Record<string, unknown>;
  reason?: string | null;
  outcome?: AuditOutcome;
}

/** Who acted, when no signed-in caller is at hand (a failed sign-in names the address tried). */
export interface AuditActor {
  id?: string | null;
  email?: string | null;
  role?: string | null;
  origin?: RequestOrigin;
}

/** Never recorded, whatever a caller passes: secrets are left out... */
const SECRET = /password|hash|token|secret/i;
/** ...and free text (a consultation's words, a visit's notes) is recorded as changed, never its words. */
const FREE_TEXT = /^(summary|notes?|description|body|content|details|concern|request)$/i;
export const HIDDEN_TEXT = '（内容は記録しません）';

/** The fields whose value changed between two versions of a record, secrets left out. */
export function changesBetween(before: object | null, after: object | null, fields?: readonly string[]): AuditChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const names = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: AuditChanges = {};
  for (const name of names) {
    if (SECRET.test(name) || ['version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].includes(name)) continue;
    const was = b[name] ?? null;
    const now = a[name] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[name] = FREE_TEXT.test(name) ? [was === null ? null : HIDDEN_TEXT, now === null ? null : HIDDEN_TEXT] : [was, now];
  }
  return changes;
}

/**
 * Writes audit events. `record` takes the executor of the transaction that makes the change,
 * so the event commits with it or not at all; nothing goes through the queue.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  async record(executor: EntityManager | DataSource, actor: CurrentUser | AuditActor | null, event: AuditEventInput): Promise<void> {
    const changes = Object.fromEntries(Object.entries(event.changes ?? {}).filter(([field]) => !SECRET.test(field)));
    await query(
      executor,
      sql`INSERT INTO audit_events (actor_id, actor_email, actor_role, action, target_type, target_id, scope_federation_id,
                                    scope_regional_council_id, changes, details, reason, outcome, ip, request_id)
          VALUES (${actor?.id ?? null}, ${actor?.email ?? null}, ${actor?.role ?? null}, ${event.action}, ${event.action.split('.')[0]},
                  ${event.targetId ?? null}, ${event.scope?.federationId ?? null}, ${event.scope?.regionalCouncilId ?? null},
                  ${JSON.stringify(changes)}, ${JSON.stringify(event.details ?? {})}, ${event.reason ?? null}, ${event.outcome ?? 'ok'},
                  ${actor?.origin?.ip ?? null}, ${actor?.origin?.requestId ?? null})`,
    );
  }

  /**
   * A record just inserted in the caller's transaction: read back (so defaults the database
   * filled in are recorded too) and recorded with every field as set. Answers the row.
   */
  async recordCreated<T extends ObjectLiteral>(
    manager: EntityManager,
    actor: CurrentUser | AuditActor | null,
    target: EntityTarget<T>,
    id: string,
    describe: (after: T) => Omit<AuditEventInput, 'changes' | 'targetId'>,
  ): Promise<T> {
    const after = await manager.getRepository(target).findOneOrFail({ where: { id } as never });
    await this.record(manager, actor, { ...describe(after), targetId: id, changes: changesBetween(null, after) });
    return after;
  }

  /**
   * A change of one record inside the caller's transaction: the row is locked and read,
   * `write` changes it (false: no such row), the row is read again and the event records
   * the fields that differ. `describe` names the action (and scope) from the row before
   * and after, so one PATCH that changes a role is recorded as a role change.
   *
   * The lock is FOR NO KEY UPDATE, the one an UPDATE of the row takes anyway: rows that
   * refer to it (a foreign key check takes KEY SHARE: a membership change of a union, a
   * visit of a prospect) are not held up, so no writer that does so can deadlock with it.
   */
  async recordChange<T extends ObjectLiteral>(
    manager: EntityManager,
    actor: CurrentUser | AuditActor | null,
    target: EntityTarget<T>,
    id: string,
    describe: (before: T | null, after: T | null) => Omit<AuditEventInput, 'changes' | 'targetId'>,
    write: () => Promise<boolean | void>,
  ): Promise<boolean> {
    const repository = manager.getRepository(target);
    const where = { id } as never;
    const before = await repository.findOne({ where, lock: { mode: 'for_no_key_update' } });
    if ((await write()) === false) return false;
    const after = await repository.findOne({ where });
    if (!before && !after) return false;
    await this.record(manager, actor, { ...describe(before, after), targetId: id, changes: changesBetween(before, after) });
    return true;
  }

  /** An event that stands alone (a refused sign-in, a download's start): its own statement. */
  recordAlone(actor: CurrentUser | AuditActor | null, event: AuditEventInput): Promise<void> {
    return this.record(this.db, actor, event);
  }
}
