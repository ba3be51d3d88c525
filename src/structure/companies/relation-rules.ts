import { EntityManager } from 'typeorm';
import { DomainError, badField, conflict } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Sql, query, sql } from '../../platform/database/sql';
import { StructureErrorCode } from '../error-codes';
import { CONTROLLING_KINDS, RelationKind } from './company-relation.entity';

/** A relation as it would be after a write. */
export interface RelationCandidate {
  parentId: string;
  childId: string;
  kind: RelationKind;
  startOn: string | null;
  endOn: string | null;
}

/**
 * Every write of company_relations takes this transaction-level advisory lock first, so the
 * checks below and the write are one step for every other writer: two requests that would
 * close a cycle together (A→B and B→A at once) are decided one after the other, and the
 * second sees the first. The lock ends with the transaction.
 */
export const lockRelations = (manager: EntityManager): Promise<unknown> => query(manager, sql`SELECT pg_advisory_xact_lock(hashtext('company_relations'))`);

/** Holds on or after `today` (its period is not over). */
const stillHolds = (candidate: RelationCandidate, today: string): boolean => candidate.endOn === null || candidate.endOn >= today;

/**
 * The relation's rules, checked under lockRelations; `excludeId` is the relation being changed.
 *  - both companies exist (400 naming parentId or childId);
 *  - a company has at most one controlling parent (parent_subsidiary, consolidated_ or
 *    unconsolidated_subsidiary) over any period: two whose periods overlap are 409
 *    SECOND_CONTROLLING_PARENT;
 *  - no cycle among the relations that still hold (today or later): 400 RELATION_CYCLE
 *    naming parentId. A relation already ended is history and closes no cycle.
 * Answers the problem rather than throwing it, so an import can make it a row error.
 */
export async function relationProblem(
  manager: EntityManager,
  candidate: RelationCandidate,
  today: string,
  excludeId: string | null,
): Promise<DomainError | null> {
  const found = await query<{ id: string }[]>(manager, sql`SELECT id FROM companies WHERE id IN (${candidate.parentId}, ${candidate.childId})`);
  for (const field of ['parentId', 'childId'] as const) {
    if (!found.some((row) => row.id === candidate[field])) return badField(field, PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known company');
  }
  if (candidate.parentId === candidate.childId) return badField('childId', StructureErrorCode.RELATION_CYCLE, 'a company cannot be its own parent');
  if (CONTROLLING_KINDS.includes(candidate.kind)) {
    const [other] = await query<{ parentName: string }[]>(
      manager,
      sql`SELECT p.name AS "parentName" FROM company_relations r JOIN companies p ON p.id = r.parent_id
           WHERE r.child_id = ${candidate.childId} AND r.kind = ANY(${CONTROLLING_KINDS}::text[])
             AND (${excludeId}::uuid IS NULL OR r.id <> ${excludeId}::uuid)
             AND daterange(r.start_on, r.end_on, '[]') && daterange(${candidate.startOn}::date, ${candidate.endOn}::date, '[]')
           LIMIT 1`,
    );
    if (other) {
      return conflict(StructureErrorCode.SECOND_CONTROLLING_PARENT, `The company already has a controlling parent (${other.parentName}) in that period`, [
        { field: 'childId', message: `already has a controlling parent: ${other.parentName}` },
      ]);
    }
  }
  if (stillHolds(candidate, today)) {
    // is the parent reachable downwards from the child? then parent → child closes a cycle
    const [cycle] = await query<unknown[]>(
      manager,
      sql`WITH RECURSIVE below(id) AS (
            SELECT ${candidate.childId}::uuid
            UNION
            SELECT r.child_id FROM company_relations r JOIN below b ON r.parent_id = b.id
             WHERE (r.end_on IS NULL OR r.end_on >= ${today}::date)
               AND (${excludeId}::uuid IS NULL OR r.id <> ${excludeId}::uuid)
          )
          SELECT 1 FROM below WHERE id = ${candidate.parentId}::uuid LIMIT 1`,
    );
    if (cycle) return badField('parentId', StructureErrorCode.RELATION_CYCLE, 'the parent is already below the child: the relation would make a cycle');
  }
  return null;
}

/**
 * The edges of the group trees, as `edges(id, parent_id, child_id)`: of the relations that
 * hold on `today`, one per child, its controlling parent first, else the holder of the
 * largest voting share (then the oldest). Relations never make a cycle (relationProblem),
 * so following these edges upwards ends at the group's ultimate parent.
 */
export const groupEdges = (today: string): Sql => sql`SELECT DISTINCT ON (r.child_id) r.id, r.parent_id, r.child_id
    FROM company_relations r
   WHERE (r.start_on IS NULL OR r.start_on <= ${today}::date) AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
   ORDER BY r.child_id, (r.kind = ANY(${CONTROLLING_KINDS}::text[])) DESC, r.voting_share DESC NULLS LAST, r.created_at, r.id`;
