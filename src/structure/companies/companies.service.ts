import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { containsPattern } from '../../platform/common/like-pattern';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { PlatformErrorCode } from '../../platform/error-codes';
import { StructureErrorCode } from '../error-codes';
import { isValidCorporateNumber, normalizeCode, normalizeCompanyName } from './company-identity';
import { Company } from './company.entity';
import { CompanyRow, companyColumns, toCompanyDto } from './companies.sql';
import { CompanyDto, CreateCompanyDto, ListCompaniesQuery, UpdateCompanyDto } from './dto/company.dto';

/** フリガナ in katakana, whichever kana was typed. */
const toKatakana = (value: string): string =>
  value
    .normalize('NFKC')
    .trim()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

const trimmed = (value: string | null | undefined): string | null => (value ? value.normalize('NFKC').trim() || null : null);

/** The columns a body sets (only those sent). */
export function companyColumnsOf(dto: Partial<CreateCompanyDto>): Partial<Company> {
  const columns: Partial<Company> = {};
  if (dto.corporateNumber !== undefined) columns.corporateNumber = dto.corporateNumber ? normalizeCode(dto.corporateNumber) : null;
  if (dto.edinetCode !== undefined) columns.edinetCode = dto.edinetCode ? normalizeCode(dto.edinetCode) : null;
  if (dto.name !== undefined) {
    columns.name = dto.name.normalize('NFKC').trim();
    columns.nameNormalized = normalizeCompanyName(dto.name);
  }
  if (dto.nameKana !== undefined) columns.nameKana = dto.nameKana ? toKatakana(dto.nameKana) || null : null;
  if (dto.prefecture !== undefined) columns.prefecture = trimmed(dto.prefecture);
  if (dto.municipality !== undefined) columns.municipality = trimmed(dto.municipality);
  if (dto.industryCode !== undefined) columns.industryCode = dto.industryCode ?? null;
  if (dto.employees !== undefined) {
    columns.employeesCount = dto.employees?.count ?? null;
    columns.employeesAsOf = dto.employees?.asOf ?? null;
    columns.employeesSource = dto.employees?.source ?? null;
  }
  if (dto.listed !== undefined) columns.listed = dto.listed ?? null;
  if (dto.unionPresence !== undefined) columns.unionPresence = dto.unionPresence;
  if (dto.otherUnionName !== undefined) columns.otherUnionName = trimmed(dto.otherUnionName);
  return columns;
}

/** 400 naming corporateNumber when its check digit is wrong (the format is checked by the DTO). */
export function checkCorporateNumber(value: string | null | undefined): void {
  if (!value) return;
  if (!isValidCorporateNumber(normalizeCode(value))) {
    throw badField('corporateNumber', StructureErrorCode.CORPORATE_NUMBER_CHECK_DIGIT, 'check digit does not match (not a 法人番号)');
  }
}

/**
 * Companies: public facts about employers. Every role reads them; admins, regional staff
 * and federation users write them (they are no one's scope). Every write is audited.
 */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListCompaniesQuery): Promise<Page<CompanyDto>> {
    const conditions: Sql[] = [];
    if (filter.q) {
      const code = normalizeCode(filter.q).toUpperCase();
      const name = containsPattern(normalizeCompanyName(filter.q));
      const kana = containsPattern(toKatakana(filter.q));
      conditions.push(sql`(c.corporate_number = ${code} OR c.edinet_code = ${code} OR c.name_normalized LIKE ${name} OR c.name_kana LIKE ${kana})`);
    }
    if (filter.name) conditions.push(sql`c.name_normalized = ${normalizeCompanyName(filter.name)}`);
    if (filter.prefecture) conditions.push(sql`c.prefecture = ${filter.prefecture.normalize('NFKC').trim()}`);
    if (filter.industryCode) conditions.push(sql`c.industry_code = ${filter.industryCode}`);
    if (filter.hasUnion !== undefined) {
      const has = sql`(c.union_presence = 'other_union' OR EXISTS (SELECT 1 FROM unions hu WHERE hu.company_id = c.id AND hu.status = 'active'))`;
      conditions.push(filter.hasUnion ? has : sql`NOT ${has}`);
    }
    const { rows, total } = await selectPage<CompanyRow>(
      this.db,
      { columns: companyColumns(), from: sql`companies c`, where: sql.and(conditions), orderBy: sql`c.name_normalized ASC, c.id ASC` },
      filter,
    );
    return page(rows.map(toCompanyDto), total, filter);
  }

  async get(id: string, executor: DataSource | import('typeorm').EntityManager = this.db): Promise<CompanyDto> {
    const [row] = await query<CompanyRow[]>(executor, sql`SELECT ${companyColumns()} FROM companies c WHERE c.id = ${id}`);
    if (!row) throw notFound('Company');
    return toCompanyDto(row);
  }

  async create(dto: CreateCompanyDto, caller: CurrentUser): Promise<CompanyDto> {
    checkCorporateNumber(dto.corporateNumber);
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(Company).insert({ ...companyColumnsOf(dto), createdBy: caller.id, updatedBy: caller.id });
      const companyId = inserted.identifiers[0].id as string;
      await this.audit.recordCreated(manager, caller, Company, companyId, () => ({ action: 'company.created' }));
      return companyId;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateCompanyDto, caller: CurrentUser): Promise<CompanyDto> {
    const { version, ...fields } = dto;
    for (const field of ['name', 'unionPresence'] as const) {
      if (fields[field] === null) throw badField(field, PlatformErrorCode.CANNOT_BE_CLEARED, 'cannot be cleared');
    }
    checkCorporateNumber(fields.corporateNumber);
    await this.db.transaction(async (manager) => {
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Company,
        id,
        () => ({ action: 'company.updated' }),
        () => versionedUpdate(manager, Company, id, version, { ...companyColumnsOf(fields), updatedBy: caller.id }),
      );
      if (!updated) throw notFound('Company');
    });
    return this.get(id);
  }

  /** A company still named by a relation, union or prospect answers 409 (the database refuses). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.db.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        Company,
        id,
        () => ({ action: 'company.deleted' }),
        async () => {
          const [, affected] = await query<[unknown[], number]>(manager, sql`DELETE FROM companies WHERE id = ${id}`);
          return affected === 1;
        },
      ),
    );
    if (!deleted) throw notFound('Company');
  }
}
