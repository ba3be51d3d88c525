import { cellText } from './cell-values';

export const IMPORT_KINDS = ['membership-changes', 'membership-survey', 'unions', 'prospects'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** Every kind the contract names is read. */
export const READABLE_KINDS = IMPORT_KINDS;
export type ReadableKind = ImportKind;
/** The kinds that write the ledger (staged in import_rows); the others create structure (staged in import_records). */
export const LEDGER_KINDS = ['membership-changes', 'membership-survey'] as const satisfies readonly ImportKind[];
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const isLedgerKind = (kind: ImportKind): kind is LedgerKind => (LEDGER_KINDS as readonly string[]).includes(kind);

export type StructureList = 'federations' | 'councils' | 'sectors';

/** A column of a template: its Japanese header (what the template writes), its English alias, and the code list behind it. */
export interface ImportColumn {
  field: string;
  header: string;
  required: boolean;
  list?: 'causes' | 'employmentTypes' | 'genders' | 'unionStatuses' | 'unionKinds' | 'prospectSources' | 'stages';
  /** The structure a coded column names: its drop-down is read from the database when the template is downloaded. */
  structure?: StructureList;
  example: string | number;
  help: string;
}

const UNION_COLUMNS: ImportColumn[] = [
  { field: 'unionCode', header: '組合コード', required: false, example: 'U-0001', help: '組合コードまたは組合名のどちらかを入力します' },
  { field: 'unionName', header: '組合名', required: false, example: '', help: '組合名は登録されている名称と完全に一致させてください' },
];

export const COLUMNS: Record<ReadableKind, ImportColumn[]> = {
  'membership-changes': [
    ...UNION_COLUMNS,
    { field: 'effectiveOn', header: '発効日', required: true, example: '2026-04-01', help: '2026-04-01、2026/4/1、令和8年4月1日 のいずれかの形' },
    { field: 'delta', header: '増減数', required: true, example: 12, help: '増加は正の数、減少は負の数（例: -3）' },
    {
      field: 'cause',
      header: '事由',
      required: true,
      list: 'causes',
      example: '新規採用者の加入',
      help: '一覧の事由名またはコード。増加の事由には正、減少の事由には負の数',
    },
    { field: 'employmentType', header: '雇用形態', required: true, list: 'employmentTypes', example: '正社員', help: '一覧の雇用形態名またはコード' },
    { field: 'gender', header: '性別', required: false, list: 'genders', example: '女性', help: '省略すると「回答なし」' },
    { field: 'note', header: '備考', required: false, example: '4月入社', help: '1,000文字まで' },
  ],
  'membership-survey': [
    ...UNION_COLUMNS,
    { field: 'surveyedOn', header: '調査日', required: true, example: '2026-06-30', help: '組合ごとに同じ日付。未来の日付は不可' },
    { field: 'employmentType', header: '雇用形態', required: true, list: 'employmentTypes', example: '正社員', help: '一覧の雇用形態名またはコード' },
    { field: 'gender', header: '性別', required: true, list: 'genders', example: '女性', help: '一覧の性別名またはコード' },
    { field: 'members', header: '人数', required: true, example: 120, help: '調査日時点の人数（0以上）。組合×雇用形態×性別ごとに1行' },
  ],
  unions: [
    {
      field: 'code',
      header: '組合コード',
      required: false,
      example: 'shoyo-seiki',
      help: '半角英小文字・数字・-・_ で50文字まで。省略できます。ファイル内でも登録済みの組合とも重複できません',
    },
    { field: 'name', header: '組合名', required: true, example: '湘陽精機労働組合', help: '200文字まで' },
    {
      field: 'federationCode',
      header: '構成組織コード',
      required: false,
      structure: 'federations',
      example: '',
      help: '構成組織のコードまたは名称。直加盟の組合は空欄。構成組織の担当者は自分の構成組織のみ',
    },
    { field: 'regionalCouncilCode', header: '地域連合コード', required: true, structure: 'councils', example: '', help: '地域連合のコードまたは名称' },
    { field: 'employerName', header: '事業主名', required: true, example: '株式会社湘陽精機', help: '200文字まで' },
    { field: 'municipality', header: '市区町村', required: false, example: '藤沢市', help: '50文字まで' },
    { field: 'affiliatedOn', header: '加盟日', required: false, example: '2026-04-01', help: '2026-04-01、2026/4/1、令和8年4月1日 のいずれかの形' },
    { field: 'status', header: '状態', required: false, list: 'unionStatuses', example: '活動中', help: '省略すると「活動中」' },
    {
      field: 'kind',
      header: '組合種別',
      required: false,
      list: 'unionKinds',
      example: '企業別組合',
      help: '省略すると「企業別組合」。直加盟は構成組織コードを空欄に',
    },
  ],
  prospects: [
    { field: 'employerName', header: '事業主名', required: true, example: '株式会社みなと物流', help: '200文字まで' },
    { field: 'employerNameKana', header: 'フリガナ', required: false, example: 'ミナトブツリュウ', help: 'ひらがなはカタカナとして登録します' },
    { field: 'establishmentName', header: '事業所名', required: false, example: '本牧倉庫', help: '200文字まで' },
    {
      field: 'municipality',
      header: '市区町村',
      required: false,
      example: '横浜市',
      help: '地域連合の市区町村一覧の名称。地域連合コードを省略すると、市区町村から決めます',
    },
    {
      field: 'regionalCouncilCode',
      header: '地域連合コード',
      required: false,
      structure: 'councils',
      example: '',
      help: '地域連合のコードまたは名称。市区町村を省略するときは必須',
    },
    { field: 'sectorCode', header: '産業部門', required: false, structure: 'sectors', example: '', help: '産業部門のコードまたは名称' },
    {
      field: 'targetFederationCode',
      header: '対象構成組織コード',
      required: false,
      structure: 'federations',
      example: '',
      help: '加盟先の候補の構成組織のコードまたは名称',
    },
    { field: 'estimatedWorkers', header: '従業員数', required: true, example: 120, help: '0以上の整数' },
    {
      field: 'workforceRegular',
      header: '正社員数',
      required: false,
      example: 80,
      help: '内訳は4列（正社員数・パート数・有期雇用数・派遣数）すべて入力するか、すべて空欄に',
    },
    { field: 'workforcePartTime', header: 'パート数', required: false, example: 30, help: '内訳の1つ（0以上の整数）' },
    { field: 'workforceFixedTerm', header: '有期雇用数', required: false, example: 10, help: '内訳の1つ（0以上の整数）' },
    { field: 'workforceDispatch', header: '派遣数', required: false, example: 0, help: '内訳の1つ（0以上の整数）' },
    { field: 'source', header: '経緯', required: true, list: 'prospectSources', example: '労働相談から', help: '一覧の経緯名またはコード' },
    { field: 'stage', header: '段階', required: false, list: 'stages', example: '候補把握', help: '省略すると「候補把握」。加盟・保留・断念は選べません' },
    { field: 'nextActionOn', header: '次回予定日', required: false, example: '2026-05-01', help: '2026-05-01、2026/5/1、令和8年5月1日 のいずれかの形' },
    {
      field: 'assignedOrganizerEmails',
      header: '担当オルガナイザー',
      required: false,
      example: '',
      help: '担当するオルガナイザーのメールアドレス。複数は「、」「,」または空白で区切ります。事業所と同じ地域連合のオルガナイザーに限ります',
    },
  ],
};

/** "組合コード, 組合名, 発効日, …": the expected headers, for every header error. */
export const expectedHeaders = (kind: ReadableKind): string => COLUMNS[kind].map((c) => c.header).join('、');

export interface HeaderProblem {
  column: string;
  value: string;
  message: string;
}

/**
 * Maps the header row to fields: Japanese headers or the English field names, in any
 * order. Unknown or repeated headers, and missing required ones, are problems; a blank
 * header cell (Excel's trailing empty columns) is ignored.
 */
export function readHeader(kind: ReadableKind, cells: unknown[]): { fields: (string | null)[]; problems: HeaderProblem[] } {
  const columns = COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) {
    byName.set(c.header, c);
    byName.set(c.field.toLowerCase(), c);
  }
  const expected = `正しい見出しは ${expectedHeaders(kind)} です`;
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  const fields = cells.map((cell, i) => {
    const text = cellText(cell);
    if (text === '') return null;
    const column = byName.get(text) ?? byName.get(text.toLowerCase());
    const letter = columnLetter(i);
    if (!column) {
      problems.push({ column: letter, value: text, message: `見出し「${text}」は使えません。${expected}` });
      return null;
    }
    if (seen.has(column.field)) problems.push({ column: letter, value: text, message: `見出し「${text}」が重複しています。${expected}` });
    seen.add(column.field);
    return column.field;
  });
  if (isLedgerKind(kind) && !seen.has('unionCode') && !seen.has('unionName')) {
    problems.push({ column: '', value: '', message: `見出し「組合コード」または「組合名」がありません。${expected}` });
  }
  for (const c of columns.filter((c) => c.required && !seen.has(c.field))) {
    problems.push({ column: '', value: '', message: `見出し「${c.header}」がありません。${expected}` });
  }
  return { fields, problems };
}

/** A, B, … Z, AA: the column as Excel names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
