import { EntityManager } from 'typeorm';
import { badField, conflict } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { query, sql } from '../../platform/database/sql';
import type { IndustryCode } from '../../structure/companies/company.entity';
import { OrganizingErrorCode } from '../error-codes';
import type { CreateProspectDto } from './dto/prospect.dto';

/**
 * The chapter's sector (産業部門) a JSIC 大分類 falls in, as the demo's sectors are coded
 * (sec1 製造 … sec7 その他). Used only when that sector exists.
 */
const SECTOR_OF_INDUSTRY: Record<IndustryCode, string> = {
  A: 'sec7',
  B: 'sec7',
  C: 'sec7',
  D: 'sec7',
  E: 'sec1',
  F: 'sec3',
  G: 'sec3',
  H: 'sec2',
  I: 'sec4',
  J: 'sec5',
  K: 'sec4',
  L: 'sec4',
  M: 'sec4',
  N: 'sec4',
  O: 'sec4',
  P: 'sec7',
  Q: 'sec4',
  R: 'sec4',
  S: 'sec6',
  T: 'sec7',
};

interface CompanyFacts {
  name: string;
  nameKana: string | null;
  municipality: string | null;
  industryCode: IndustryCode | null;
  employeesCount: number | null;
}

/**
 * POST /prospects {fromCompanyId}: the body with what it leaves out taken from the company
 * (employer, フリガナ, municipality and so the council, sector from the industry, employees as
 * the estimate, source corporate_group, companyId). A company with an open prospect (any
 * stage but lost) answers 409 COMPANY_ALREADY_PROSPECT, so one click never makes two.
 */
export async function fillFromCompany(manager: EntityManager, dto: CreateProspectDto): Promise<CreateProspectDto> {
  if (!dto.fromCompanyId) return dto;
  const [company] = await query<CompanyFacts[]>(
    manager,
    sql`SELECT name, name_kana AS "nameKana", municipality, industry_code AS "industryCode", employees_count AS "employeesCount"
          FROM companies WHERE id = ${dto.fromCompanyId} FOR SHARE`,
  );
  if (!company) throw badField('fromCompanyId', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known company');
  const [open] = await query<{ id: string }[]>(manager, sql`SELECT id FROM prospects WHERE company_id = ${dto.fromCompanyId} AND stage <> 'lost' LIMIT 1`);
  if (open) {
    throw conflict(OrganizingErrorCode.COMPANY_ALREADY_PROSPECT, `The company already has a prospect (${open.id})`, [
      { field: 'fromCompanyId', message: `already has a prospect: ${open.id}` },
    ]);
  }
  let sectorCode: string | null = null;
  if (company.industryCode) {
    const [sector] = await query<{ code: string }[]>(manager, sql`SELECT code FROM sectors WHERE code = ${SECTOR_OF_INDUSTRY[company.industryCode]}`);
    sectorCode = sector?.code ?? null;
  }
  const { fromCompanyId, ...sent } = dto;
  return {
    employerName: company.name,
    employerNameKana: company.nameKana,
    municipality: company.municipality,
    sectorCode,
    estimatedWorkers: company.employeesCount ?? 0,
    source: 'corporate_group',
    ...Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined)),
    companyId: fromCompanyId,
  };
}

/**
 * A prospect registered from a company in one click names no organizer; when its council has
 * exactly one organizer, that organizer is assigned, so the prospect is on their 今日 once its
 * next action is due. With several (or none), nobody is assigned and the staff assign later.
 */
export async function onlyOrganizerOf(manager: EntityManager, councilId: string): Promise<string[]> {
  const organizers = await query<{ id: string }[]>(
    manager,
    sql`SELECT id FROM users WHERE role = 'organizer' AND regional_council_id = ${councilId} AND disabled_at IS NULL LIMIT 2`,
  );
  return organizers.length === 1 ? [organizers[0].id] : [];
}
