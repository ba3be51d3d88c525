import { CODE_PATTERN } from '../../platform/common/validation/reference-fields';
import type { ImportKind } from '../../platform/imports/import-kinds';
import { CodeList, Parsed, calendarDate, cellText } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues, blank, textUpTo } from '../../platform/imports/staging/row-checks';
import { StagedRecord, countRows, recordStaging } from '../../platform/imports/staging/record-staging';
import type { ImportScopeIds } from '../../platform/imports/import-access';
import { UNION_KIND_LABELS, UNION_STATUS_LABELS } from '../labels';
import { UNION_KINDS, UNION_STATUSES } from '../unions/union.entity';
import { StructureDirectory } from './structure-directory';
import { UnionsCommit } from './unions-commit';

type Checked = { staged: StagedRecord | null; errors: RowError[] };

const unionStatuses = new CodeList('状態', UNION_STATUS_LABELS, UNION_STATUSES);
const unionKinds = new CodeList('組合種別', UNION_KIND_LABELS, UNION_KINDS);

/** A council read from a cell, held to the council staff's own (`scopeCouncilId`; null: any). */
export function ownCouncil<T extends { id: string; name: string }>(
  structure: StructureDirectory,
  scopeCouncilId: string | null,
  what: string,
  found: Parsed<T>,
): Parsed<T> {
  if (!found.ok || scopeCouncilId === null || found.value.id === scopeCouncilId) return found;
  return {
    ok: false,
    code: 'COUNCIL_OUTSIDE_SCOPE',
    message: `${found.value.name}の${what}は登録できません。あなたの地域連合（${structure.councilName(scopeCouncilId)}）の${what}だけを登録できます`,
  };
}

/**
 * Rows of a unions file, checked as POST /unions checks a body: a code matches the code
 * pattern and is unique (within the file and against the unions already registered), the
 * federation and council exist, a directly affiliated union has no federation, a
 * federation officer registers unions of their own federation only, and council staff
 * those of their own council.
 */
class UnionRows implements RowChecker<StagedRecord> {
  private readonly codesInFile = new Map<string, number>();

  constructor(
    private readonly structure: StructureDirectory,
    private readonly scope: ImportScopeIds,
  ) {}

  check(row: number, values: RowValues): Checked {
    const cells = new Cells(UNIONS_IMPORT, row, values);
    const code = cells.optional('code', (v) => this.code(row, cellText(v)));
    const name = cells.read('name', textUpTo(200));
    const federation = cells.optional('federationCode', (v) => this.structure.federations.find(v));
    const council = cells.read('regionalCouncilCode', (v) =>
      blank(v)
        ? { ok: false, code: 'COUNCIL_MISSING', message: '地域連合のコードまたは名称を入力してください' }
        : ownCouncil(this.structure, this.scope.regionalCouncilId, '組合', this.structure.councils.find(v)),
    );
    const employerName = cells.read('employerName', textUpTo(200));
    const municipality = cells.optional('municipality', textUpTo(50));
    const affiliatedOn = cells.optional('affiliatedOn', calendarDate);
    const status = blank(values.status) ? 'active' : cells.read('status', (v) => unionStatuses.read(v));
    const kind = blank(values.kind) ? 'enterprise' : cells.read('kind', (v) => unionKinds.read(v));
    const federationId = federation?.id ?? null;
    if (this.scope.federationId !== null && federationId !== this.scope.federationId && (federation !== null || blank(values.federationCode))) {
      cells.fail('federationCode', 'FEDERATION_OUTSIDE_SCOPE', 'あなたの構成組織の組合だけを登録できます。構成組織コードにあなたの構成組織を入力してください');
    } else if (kind === 'direct' && federationId !== null) {
      cells.fail('federationCode', 'DIRECT_UNION_WITH_FEDERATION', '直加盟の組合（組合種別「直加盟」）は構成組織コードを空欄にしてください');
    }
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        record: { code, name, federationId, regionalCouncilId: council!.id, employerName, municipality, affiliatedOn, status, kind },
      },
      errors: [],
    };
  }

  private code(row: number, code: string): Parsed<string> {
    if (!CODE_PATTERN.test(code))
      return { ok: false, code: 'UNION_CODE_INVALID', message: '組合コードは半角英小文字・数字・-・_ の50文字まで（先頭は英数字）で入力してください' };
    if (this.structure.unionCodeTaken(code)) return { ok: false, code: 'UNION_CODE_TAKEN', message: `組合コード「${code}」の組合はすでに登録されています` };
    const earlier = this.codesInFile.get(code);
    if (earlier !== undefined) return { ok: false, code: 'UNION_CODE_REPEATED', message: `組合コード「${code}」は${earlier}行目と重複しています` };
    this.codesInFile.set(code, row);
    return { ok: true, value: code };
  }
}

/** 組合: unions, as POST /unions takes them. */
export const UNIONS_IMPORT: ImportKind<StagedRecord> = {
  name: 'unions',
  title: '組合',
  importers: ['admin', 'regional', 'federation'],
  columns: [
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
    { field: 'status', header: '状態', required: false, list: unionStatuses, example: '活動中', help: '省略すると「活動中」' },
    {
      field: 'kind',
      header: '組合種別',
      required: false,
      list: unionKinds,
      example: '企業別組合',
      help: '省略すると「企業別組合」。直加盟は構成組織コードを空欄に',
    },
  ],
  writes: 'records',
  checker: async ({ db, scope }) => new UnionRows(await StructureDirectory.load(db), scope),
  staging: recordStaging,
  summary: countRows,
  committer: UnionsCommit,
};
