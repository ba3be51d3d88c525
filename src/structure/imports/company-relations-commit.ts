import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';
import { CONTROLLING_KINDS } from '../companies/company-relation.entity';
import { lockRelations } from '../companies/relation-rules';

/**
 * The commit of a company-relations file: under the relations' advisory lock (as every
 * relation write), one INSERT of every row, then the rules checked again over the result,
 * since relations may have been written between the check and the commit: a second
 * controlling parent or a cycle refuses the whole commit.
 */
@Injectable()
export class CompanyRelationsCommit implements ImportCommitter {
  async write(manager: EntityManager, { importId, committedBy: userId }: CommitContext): Promise<number> {
    await lockRelations(manager);
    const inserted = await query<{ id: string }[]>(
      manager,
      sql`INSERT INTO company_relations (parent_id, child_id, kind, voting_share, start_on, end_on, source, confidence, created_by, updated_by)
          SELECT x."parentId", x."childId", x.kind, x."votingShare", x."startOn", x."endOn", x.source, x.confidence, ${userId}::uuid, ${userId}::uuid
            FROM import_records r,
                 jsonb_to_record(r.record) AS x ("parentId" uuid, "childId" uuid, kind text, "votingShare" numeric, "startOn" date, "endOn" date,
                                                 source text, confidence text)
           WHERE r.import_id = ${importId}
           ORDER BY r.row_number
          RETURNING id`,
    );
    const ids = inserted.map((r) => r.id);
    const [second] = await query<{ name: string }[]>(
      manager,
      sql`SELECT c.name FROM company_relations a JOIN company_relations b ON b.child_id = a.child_id AND b.id <> a.id
            JOIN companies c ON c.id = a.child_id
           WHERE a.id = ANY(${ids}::uuid[]) AND a.kind = ANY(${CONTROLLING_KINDS}::text[]) AND b.kind = ANY(${CONTROLLING_KINDS}::text[])
             AND daterange(a.start_on, a.end_on, '[]') && daterange(b.start_on, b.end_on, '[]')
           LIMIT 1`,
    );
    if (second) throw new CommitRefused(`「${second.name}」に、確認の後に別の親会社が登録されました。もう一度取り込んでください`);
    const [cycle] = await query<{ name: string }[]>(
      manager,
      sql`WITH RECURSIVE walk(start_id, target, node) AS (
            SELECT r.id, r.parent_id, r.child_id FROM company_relations r
             WHERE r.id = ANY(${ids}::uuid[]) AND (r.end_on IS NULL OR r.end_on >= CURRENT_DATE)
            UNION
            SELECT w.start_id, w.target, r.child_id FROM walk w JOIN company_relations r ON r.parent_id = w.node
             WHERE (r.end_on IS NULL OR r.end_on >= CURRENT_DATE) AND w.node <> w.target
          )
          SELECT c.name FROM walk w JOIN companies c ON c.id = w.target WHERE w.node = w.target LIMIT 1`,
    );
    if (cycle) throw new CommitRefused(`「${cycle.name}」を含む親子関係が、確認の後の登録と合わせて循環します。もう一度取り込んでください`);
    return inserted.length;
  }
}
