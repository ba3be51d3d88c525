import { Sql, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { COMPANY_STATUS_LABELS, INDUSTRY_LABELS } from '../labels';
import type { CompanyDto, CompanyStatus } from './dto/company.dto';
import type { IndustryCode, UnionPresence } from './company.entity';

/**
 * A company's status (docs/company-groups.md#status), decided in SQL for the company c:
 *  - affiliated (連合加盟): an active union in the ledger names the company;
 *  - other_union (他労組): the company is marked as having another union;
 *  - unorganized (未組織): marked as having none, or a prospect (not lost) names it;
 *  - unknown (不明): otherwise.
 */
export const companyStatus = (alias: string): Sql => {
  const c = sql.ident(alias);
  return sql`CASE
    WHEN EXISTS (SELECT 1 FROM unions su WHERE su.company_id = ${c}.id AND su.status = 'active') THEN 'affiliated'
    WHEN ${c}.union_presence = 'other_union' THEN 'other_union'
    WHEN ${c}.union_presence = 'none'
      OR EXISTS (SELECT 1 FROM prospects sp WHERE sp.company_id = ${c}.id AND sp.stage <> 'lost') THEN 'unorganized'
    ELSE 'unknown' END`;
};

/**
 * The same decision from two flags already joined (a set-based query over many companies,
 * where a subquery per row would cost the planner too much): `affiliated` true when an active
 * union names the company, `prospected` true when a prospect (not lost) does.
 */
export const companyStatusOf = (alias: string, affiliated: Sql, prospected: Sql): Sql => {
  const c = sql.ident(alias);
  return sql`CASE WHEN ${affiliated} THEN 'affiliated' WHEN ${c}.union_presence = 'other_union' THEN 'other_union'
    WHEN ${c}.union_presence = 'none' OR ${prospected} THEN 'unorganized' ELSE 'unknown' END`;
};

/** The columns of a CompanyRow, read from companies c. */
export const companyColumns = (alias = 'c'): Sql => {
  const c = sql.ident(alias);
  return sql`${c}.id, ${c}.corporate_number AS "corporateNumber", ${c}.edinet_code AS "edinetCode", ${c}.name,
    ${c}.name_kana AS "nameKana", ${c}.name_normalized AS "nameNormalized", ${c}.prefecture, ${c}.municipality,
    ${c}.industry_code AS "industryCode", ${c}.employees_count AS "employeesCount",
    to_char(${c}.employees_as_of, 'YYYY-MM-DD') AS "employeesAsOf", ${c}.employees_source AS "employeesSource",
    ${c}.listed, ${c}.union_presence AS "unionPresence", ${c}.other_union_name AS "otherUnionName",
    ${companyStatus(alias)} AS status, ${c}.version, ${c}.created_at AS "createdAt", ${c}.updated_at AS "updatedAt"`;
};

export interface CompanyRow {
  id: string;
  corporateNumber: string | null;
  edinetCode: string | null;
  name: string;
  nameKana: string | null;
  nameNormalized: string;
  prefecture: string | null;
  municipality: string | null;
  industryCode: IndustryCode | null;
  employeesCount: number | null;
  employeesAsOf: string | null;
  employeesSource: string | null;
  listed: boolean | null;
  unionPresence: UnionPresence;
  otherUnionName: string | null;
  status: CompanyStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const toCompanyDto = (row: CompanyRow): CompanyDto => ({
  id: row.id,
  corporateNumber: row.corporateNumber,
  edinetCode: row.edinetCode,
  name: row.name,
  nameKana: row.nameKana,
  nameNormalized: row.nameNormalized,
  prefecture: row.prefecture,
  municipality: row.municipality,
  industryCode: row.industryCode,
  industryLabel: row.industryCode ? labelOf(INDUSTRY_LABELS, row.industryCode) : null,
  employees: row.employeesCount === null ? null : { count: row.employeesCount, asOf: row.employeesAsOf as string, source: row.employeesSource ?? '' },
  listed: row.listed,
  unionPresence: row.unionPresence,
  otherUnionName: row.otherUnionName,
  status: row.status,
  statusLabel: labelOf(COMPANY_STATUS_LABELS, row.status),
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
