import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CommitRefused } from '../../platform/imports/commit/commit-refused';
import type { CommitContext, ImportCommitter } from '../../platform/imports/import-kinds';

const RECORD = sql`x (id uuid, "corporateNumber" text, "edinetCode" text, name text, "nameKana" text, "nameNormalized" text, prefecture text,
  municipality text, "industryCode" text, "employeesCount" int, "employeesAsOf" date, "employeesSource" text, listed boolean,
  "unionPresence" text, "otherUnionName" text)`;

/**
 * The commit of a companies file, set-based in the commit's transaction: one UPDATE for the
 * rows whose key named a registered company, one INSERT for the others. A key taken by
 * another company since the check refuses the whole commit.
 */
@Injectable()
export class CompaniesCommit implements ImportCommitter {
  async write(manager: EntityManager, { importId, committedBy: userId }: CommitContext): Promise<number> {
    try {
      const [{ updated }] = await query<{ updated: number }[]>(
        manager,
        sql`WITH changed AS (
              UPDATE companies c SET corporate_number = coalesce(x."corporateNumber", c.corporate_number), edinet_code = coalesce(x."edinetCode", c.edinet_code),
                     name = x.name, name_kana = x."nameKana", name_normalized = x."nameNormalized", prefecture = x.prefecture,
                     municipality = x.municipality, industry_code = x."industryCode", employees_count = x."employeesCount",
                     employees_as_of = x."employeesAsOf", employees_source = x."employeesSource", listed = x.listed,
                     union_presence = x."unionPresence", other_union_name = x."otherUnionName",
                     version = c.version + 1, updated_at = now(), updated_by = ${userId}::uuid
                FROM import_records r, jsonb_to_record(r.record) AS ${RECORD}
               WHERE r.import_id = ${importId} AND x.id IS NOT NULL AND c.id = x.id
              RETURNING 1
            )
            SELECT count(*)::int AS updated FROM changed`,
      );
      const [{ inserted }] = await query<{ inserted: number }[]>(
        manager,
        sql`WITH created AS (
              INSERT INTO companies (corporate_number, edinet_code, name, name_kana, name_normalized, prefecture, municipality, industry_code,
                                     employees_count, employees_as_of, employees_source, listed, union_presence, other_union_name, created_by, updated_by)
              SELECT x."corporateNumber", x."edinetCode", x.name, x."nameKana", x."nameNormalized", x.prefecture, x.municipality, x."industryCode",
                     x."employeesCount", x."employeesAsOf", x."employeesSource", x.listed, x."unionPresence", x."otherUnionName", ${userId}::uuid, ${userId}::uuid
                FROM import_records r, jsonb_to_record(r.record) AS ${RECORD}
               WHERE r.import_id = ${importId} AND x.id IS NULL
               ORDER BY r.row_number
              RETURNING 1
            )
            SELECT count(*)::int AS inserted FROM created`,
      );
      return updated + inserted;
    } catch (error) {
      const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'uq_companies_corporate_number') throw new CommitRefused('法人番号が、確認の後に別の企業に登録されました。もう一度取り込んでください');
      if (constraint === 'uq_companies_edinet_code') throw new CommitRefused('EDINETコードが、確認の後に別の企業に登録されました。もう一度取り込んでください');
      throw error;
    }
  }
}
