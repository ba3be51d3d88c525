import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { Parsed, cellText } from '../../platform/imports/reading/cell-values';
import { isEdinetCode, isValidCorporateNumber, normalizeCode } from '../companies/company-identity';

export interface KnownCompany {
  id: string;
  name: string;
  corporateNumber: string | null;
  edinetCode: string | null;
}

/** A relation that holds today or later, as the check simulates the file on top of them. */
export interface KnownRelation {
  parentId: string;
  childId: string;
  controlling: boolean;
  startOn: string | null;
  endOn: string | null;
}

/** A company key as typed: a 法人番号 (check digit verified) or an EDINET code. */
export function companyKey(value: unknown): Parsed<{ corporateNumber: string } | { edinetCode: string }> {
  const text = normalizeCode(cellText(value)).toUpperCase();
  if (isEdinetCode(text)) return { ok: true, value: { edinetCode: text } };
  if (/^[0-9]{13}$/.test(text)) {
    return isValidCorporateNumber(text)
      ? { ok: true, value: { corporateNumber: text } }
      : { ok: false, code: 'CORPORATE_NUMBER_CHECK_DIGIT', message: `法人番号「${text}」はチェックデジットが合いません。13桁を確かめてください` };
  }
  return { ok: false, code: 'COMPANY_KEY_INVALID', message: '法人番号（13桁）またはEDINETコード（E＋5桁）を入力してください' };
}

/** The companies already registered, by 法人番号 and by EDINET code, loaded once per check. */
export class CompanyDirectory {
  private readonly byNumber = new Map<string, KnownCompany>();
  private readonly byEdinet = new Map<string, KnownCompany>();

  private constructor(companies: KnownCompany[]) {
    for (const c of companies) {
      if (c.corporateNumber) this.byNumber.set(c.corporateNumber, c);
      if (c.edinetCode) this.byEdinet.set(c.edinetCode, c);
    }
  }

  static async load(db: DataSource): Promise<CompanyDirectory> {
    const rows = await query<KnownCompany[]>(
      db,
      sql`SELECT id, name, corporate_number AS "corporateNumber", edinet_code AS "edinetCode" FROM companies
           WHERE corporate_number IS NOT NULL OR edinet_code IS NOT NULL`,
    );
    return new CompanyDirectory(rows);
  }

  byCorporateNumber(value: string): KnownCompany | undefined {
    return this.byNumber.get(value);
  }

  byEdinetCode(value: string): KnownCompany | undefined {
    return this.byEdinet.get(value);
  }

  /** The registered company a key names, or a row error saying it is unknown. */
  find(value: unknown): Parsed<KnownCompany> {
    const key = companyKey(value);
    if (!key.ok) return key;
    const found = 'corporateNumber' in key.value ? this.byNumber.get(key.value.corporateNumber) : this.byEdinet.get(key.value.edinetCode);
    if (found) return { ok: true, value: found };
    const text = 'corporateNumber' in key.value ? `法人番号「${key.value.corporateNumber}」` : `EDINETコード「${key.value.edinetCode}」`;
    return { ok: false, code: 'COMPANY_UNKNOWN', message: `${text}の企業は登録されていません。先に企業の取込で登録してください` };
  }
}
