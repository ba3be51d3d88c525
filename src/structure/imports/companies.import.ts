import type { ImportKind } from '../../platform/imports/import-kinds';
import { CodeList, Parsed, calendarDate, cellText, integerIn } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues, blank, textUpTo } from '../../platform/imports/staging/row-checks';
import { StagedRecord, countRows, recordStaging } from '../../platform/imports/staging/record-staging';
import { INDUSTRY_CODES, UNION_PRESENCES } from '../companies/company.entity';
import { isEdinetCode, isValidCorporateNumber, normalizeCode, normalizeCompanyName } from '../companies/company-identity';
import { INDUSTRY_LABELS, UNION_PRESENCE_LABELS } from '../labels';
import { CompaniesCommit } from './companies-commit';
import { CompanyDirectory, KnownCompany } from './company-directory';

type Checked = { staged: StagedRecord | null; errors: RowError[] };

const industries = new CodeList('産業分類', INDUSTRY_LABELS, INDUSTRY_CODES);
const presences = new CodeList('労組の状況', UNION_PRESENCE_LABELS, UNION_PRESENCES);
const LISTED: Record<string, boolean> = {
  上場: true,
  非上場: false,
  はい: true,
  いいえ: false,
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

const toKatakana = (text: string): string => text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

function listed(value: unknown): Parsed<boolean> {
  const found = LISTED[cellText(value).toLowerCase()];
  return found === undefined ? { ok: false, code: 'CODE_UNKNOWN', message: '上場は「上場」または「非上場」で入力してください' } : { ok: true, value: found };
}

/**
 * Rows of a companies file, keyed by 法人番号 or EDINET code: a row whose key names a
 * registered company updates it, any other row registers a new one. The 法人番号's check
 * digit is verified, a key appears once in the file, the two keys of a row may not name two
 * different registered companies, employees come with the day and source of the figure.
 */
class CompanyRows implements RowChecker<StagedRecord> {
  private readonly keysInFile = new Map<string, number>();

  constructor(private readonly companies: CompanyDirectory) {}

  check(row: number, values: RowValues): Checked {
    const cells = new Cells(COMPANIES_IMPORT, row, values);
    const corporateNumber = cells.optional('corporateNumber', (v) => this.corporateNumber(row, v));
    const edinetCode = cells.optional('edinetCode', (v) => this.edinetCode(row, v));
    const name = cells.read('name', textUpTo(200));
    const nameKana = cells.optional('nameKana', textUpTo(200, toKatakana));
    const prefecture = cells.optional('prefecture', textUpTo(10));
    const municipality = cells.optional('municipality', textUpTo(50));
    const industryCode = cells.optional('industryCode', (v) => industries.read(v));
    const employeesCount = cells.optional('employeesCount', (v) => integerIn(v, 0, 10_000_000));
    const employeesAsOf = cells.optional('employeesAsOf', calendarDate);
    const employeesSource = cells.optional('employeesSource', textUpTo(200));
    const isListed = cells.optional('listed', listed);
    const unionPresence = blank(values.unionPresence) ? 'unknown' : cells.read('unionPresence', (v) => presences.read(v));
    const otherUnionName = cells.optional('otherUnionName', textUpTo(200));
    if (employeesCount !== null && (employeesAsOf === null || employeesSource === null)) {
      cells.fail('employeesCount', 'EMPLOYEES_WITHOUT_DATE', '従業員数には、その時点（日付）と出典も入力してください');
    }
    if (employeesCount === null && blank(values.employeesCount) && (employeesAsOf !== null || employeesSource !== null)) {
      cells.fail('employeesCount', 'VALUE_MISSING', '従業員数の時点・出典を入れるときは、従業員数も入力してください');
    }
    const existing = this.existing(cells, corporateNumber, edinetCode);
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        record: {
          id: existing?.id ?? null,
          corporateNumber,
          edinetCode,
          name,
          nameKana,
          nameNormalized: normalizeCompanyName(name as string),
          prefecture,
          municipality,
          industryCode,
          employeesCount,
          employeesAsOf: employeesCount === null ? null : employeesAsOf,
          employeesSource: employeesCount === null ? null : employeesSource,
          listed: isListed,
          unionPresence,
          otherUnionName,
        },
      },
      errors: [],
    };
  }

  /** The registered company the row's keys name (both must agree). */
  private existing(cells: Cells, corporateNumber: string | null, edinetCode: string | null): KnownCompany | null {
    const byNumber = corporateNumber ? this.companies.byCorporateNumber(corporateNumber) : undefined;
    const byEdinet = edinetCode ? this.companies.byEdinetCode(edinetCode) : undefined;
    if (byNumber && byEdinet && byNumber.id !== byEdinet.id) {
      cells.fail('edinetCode', 'COMPANY_KEYS_DISAGREE', `EDINETコードは別の企業（${byEdinet.name}）のものです。法人番号の企業は${byNumber.name}です`);
      return null;
    }
    const found = byNumber ?? byEdinet ?? null;
    if (found && corporateNumber && found.corporateNumber && found.corporateNumber !== corporateNumber) {
      cells.fail('corporateNumber', 'COMPANY_KEYS_DISAGREE', `EDINETコードの企業（${found.name}）の法人番号は${found.corporateNumber}です`);
    }
    if (found && edinetCode && found.edinetCode && found.edinetCode !== edinetCode) {
      cells.fail('edinetCode', 'COMPANY_KEYS_DISAGREE', `法人番号の企業（${found.name}）のEDINETコードは${found.edinetCode}です`);
    }
    return found;
  }

  private corporateNumber(row: number, value: unknown): Parsed<string> {
    const text = normalizeCode(cellText(value));
    if (!/^[0-9]{13}$/.test(text)) return { ok: false, code: 'CORPORATE_NUMBER_INVALID', message: '法人番号は13桁の数字で入力してください' };
    if (!isValidCorporateNumber(text))
      return { ok: false, code: 'CORPORATE_NUMBER_CHECK_DIGIT', message: `法人番号「${text}」はチェックデジットが合いません。13桁を確かめてください` };
    return this.once(row, `法人番号「${text}」`, text);
  }

  private edinetCode(row: number, value: unknown): Parsed<string> {
    const text = normalizeCode(cellText(value)).toUpperCase();
    if (!isEdinetCode(text)) return { ok: false, code: 'EDINET_CODE_INVALID', message: 'EDINETコードは E と5桁の数字（例: E02144）で入力してください' };
    return this.once(row, `EDINETコード「${text}」`, text);
  }

  private once(row: number, what: string, key: string): Parsed<string> {
    const earlier = this.keysInFile.get(key);
    if (earlier !== undefined) return { ok: false, code: 'COMPANY_KEY_REPEATED', message: `${what}は${earlier}行目と重複しています` };
    this.keysInFile.set(key, row);
    return { ok: true, value: key };
  }
}

/** 企業: companies, keyed by 法人番号 or EDINET code (a registered key updates the company). */
export const COMPANIES_IMPORT: ImportKind<StagedRecord> = {
  name: 'companies',
  title: '企業',
  importers: ['admin', 'regional', 'federation'],
  columns: [
    {
      field: 'corporateNumber',
      header: '法人番号',
      required: false,
      example: '7000012050002',
      help: '13桁（全角も可）。チェックデジットを確かめます。登録済みの法人番号の行はその企業を更新します',
    },
    { field: 'edinetCode', header: 'EDINETコード', required: false, example: 'E02144', help: 'E と5桁の数字。登録済みのコードの行はその企業を更新します' },
    { field: 'name', header: '企業名', required: true, example: '株式会社湘南モビリティ', help: '200文字まで。照合は「株式会社」「(株)」を除いて行います' },
    { field: 'nameKana', header: 'フリガナ', required: false, example: 'ショウナンモビリティ', help: 'ひらがなはカタカナにします' },
    { field: 'prefecture', header: '都道府県', required: false, example: '神奈川県', help: '本社の都道府県' },
    { field: 'municipality', header: '市区町村', required: false, example: '藤沢市', help: '50文字まで' },
    { field: 'industryCode', header: '産業分類', required: false, list: industries, example: '製造業', help: '日本標準産業分類の大分類（A〜T または名称）' },
    { field: 'employeesCount', header: '従業員数', required: false, example: 4200, help: '整数。入力するときは時点と出典も' },
    { field: 'employeesAsOf', header: '従業員数の時点', required: false, example: '2025-03-31', help: '2025-03-31、2025/3/31、令和7年3月31日 のいずれかの形' },
    { field: 'employeesSource', header: '従業員数の出典', required: false, example: '有価証券報告書（2025年3月期）', help: '200文字まで' },
    { field: 'listed', header: '上場', required: false, example: '上場', help: '「上場」または「非上場」。空欄は不明' },
    {
      field: 'unionPresence',
      header: '労組の状況',
      required: false,
      list: presences,
      example: '不明',
      help: '連合に加盟していない労組について: 労組なし（未組織）・他労組あり・不明。省略すると「不明」',
    },
    { field: 'otherUnionName', header: '他労組名', required: false, example: '', help: '他労組ありのとき、その労組名と上部団体' },
  ],
  writes: 'records',
  checker: async ({ db }) => new CompanyRows(await CompanyDirectory.load(db)),
  staging: recordStaging,
  summary: countRows,
  committer: CompaniesCommit,
};
