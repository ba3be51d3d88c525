import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import type { ImportScopeIds } from '../../platform/imports/import-access';
import type { ImportKind } from '../../platform/imports/import-kinds';
import { CodeList, Parsed, cellText, integerIn } from '../../platform/imports/reading/cell-values';
import { StagedRecord, countRows, recordStaging } from '../../platform/imports/staging/record-staging';
import { Cells, RowChecker, RowError, RowValues, blank, textUpTo } from '../../platform/imports/staging/row-checks';
import { GOVERNANCE_BODY_KINDS, ORGANIZATION_KINDS, OrganizationKind } from '../governance-bodies/governance-body.entity';
import { GOVERNANCE_BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS } from '../labels';
import { GovernanceCompositionsCommit } from './governance-compositions-commit';
import { StructureDirectory } from './structure-directory';

const organizationKinds = new CodeList('組織区分', ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS);
const bodyKinds = new CodeList('機関', GOVERNANCE_BODY_KIND_LABELS, GOVERNANCE_BODY_KINDS);
const YES = new Set(['あり', 'はい', '有', '○', 'true', 'yes', '1']);
const NO = new Set(['なし', 'いいえ', '無', '×', 'false', 'no', '0']);
const MAX_SEATS = 100_000;

interface UnionRef {
  id: string;
  code: string | null;
  name: string;
  federationId: string | null;
  regionalCouncilId: string;
}

/** The organization a row names, with the federation and council that place it in a scope. */
interface Owner {
  kind: OrganizationKind;
  id: string | null;
  federationId: string | null;
  regionalCouncilId: string | null;
}

/** A fiscal year as typed: 2026, 2026年度, 令和8年度. */
export function fiscalYear(value: unknown): Parsed<number> {
  const text = cellText(value).replace(/\s/g, '');
  const era = /^(令和|R)(元|\d{1,2})年度?$/i.exec(text);
  if (era) return { ok: true, value: 2018 + (era[2] === '元' ? 1 : Number(era[2])) };
  const western = /^(\d{4})(年度)?$/.exec(text);
  const year = western ? Number(western[1]) : typeof value === 'number' ? value : NaN;
  return Number.isInteger(year) && year >= 1990 && year <= 2100
    ? { ok: true, value: year }
    : { ok: false, code: 'FISCAL_YEAR_INVALID', message: '年度は 2026 または 2026年度、令和8年度 の形で入力してください' };
}

function yesNo(value: unknown): Parsed<boolean> {
  const text = cellText(value).toLowerCase();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, code: 'YES_NO_UNREADABLE', message: '女性枠は「あり」または「なし」で入力してください' };
}

/**
 * Rows of a compositions file, checked as PUT /governance-bodies/:id/compositions/:fiscalYear
 * checks a body: the organization exists and is the importer's (a federation officer's
 * federation and its unions, council staff's council and its unions; the confederation's by
 * admins), the counts are whole numbers whose women + men + unspecified make the seats, and
 * a body has one composition a year, so the same body and year twice in a file is an error.
 */
class CompositionRows implements RowChecker<StagedRecord> {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly structure: StructureDirectory,
    private readonly unions: Map<string, UnionRef[]>,
    private readonly scope: ImportScopeIds,
  ) {}

  check(row: number, values: RowValues): { staged: StagedRecord | null; errors: RowError[] } {
    const cells = new Cells(GOVERNANCE_COMPOSITIONS_IMPORT, row, values);
    const kind = cells.read('organizationKind', (v) => organizationKinds.read(v)) as OrganizationKind | null;
    const owner = kind === null ? null : this.owner(cells, kind);
    const bodyKind = cells.read('bodyKind', (v) => bodyKinds.read(v));
    const bodyName = cells.optional('bodyName', textUpTo(200));
    const year = cells.read('fiscalYear', fiscalYear);
    const seats = cells.read('seats', (v) => integerIn(v, 0, MAX_SEATS));
    const women = cells.read('women', (v) => integerIn(v, 0, MAX_SEATS));
    const men = cells.read('men', (v) => integerIn(v, 0, MAX_SEATS));
    const unspecified = blank(values.unspecified) ? 0 : cells.read('unspecified', (v) => integerIn(v, 0, MAX_SEATS));
    const womenQuota = blank(values.womenQuota) ? false : cells.read('womenQuota', yesNo);
    if (seats !== null && women !== null && men !== null && unspecified !== null && women + men + unspecified !== seats) {
      cells.fail('seats', 'COUNTS_DO_NOT_SUM', `女性・男性・不明の合計(${women + men + unspecified}人)が定数(${seats}人)と一致しません`);
    }
    if (owner && bodyKind !== null && year !== null) {
      const name = bodyName ?? bodyKinds.label(bodyKind);
      const key = `${owner.kind}|${owner.id ?? ''}|${bodyKind}|${name}|${year}`;
      const earlier = this.seen.get(key);
      if (earlier !== undefined) cells.fail('fiscalYear', 'COMPOSITION_REPEATED', `同じ機関・年度の行が${earlier}行目にあります(1つの機関につき1年度1行)`);
      else this.seen.set(key, row);
    }
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        record: {
          organizationKind: owner!.kind,
          organizationId: owner!.id,
          bodyKind,
          bodyName: bodyName ?? bodyKinds.label(bodyKind!),
          fiscalYear: year,
          seats,
          women,
          men,
          unspecified,
          womenQuota,
        },
      },
      errors: [],
    };
  }

  /** The organization by its code (or exact name), held to the importer's scope. */
  private owner(cells: Cells, kind: OrganizationKind): Owner | null {
    if (kind === 'confederation') {
      if (this.scope.federationId !== null || this.scope.regionalCouncilId !== null) {
        cells.fail('organizationKind', 'ORGANIZATION_OUTSIDE_SCOPE', '連合神奈川の機関は連合神奈川の担当者だけが取り込めます');
        return null;
      }
      return { kind, id: null, federationId: null, regionalCouncilId: null };
    }
    const found = cells.read('organizationCode', (v): Parsed<Owner> => {
      if (blank(v)) return { ok: false, code: 'VALUE_MISSING', message: '構成組織・地域連合・組合のコードまたは名称を入力してください' };
      if (kind === 'federation') {
        const f = this.structure.federations.find(v);
        return f.ok ? { ok: true, value: { kind, id: f.value.id, federationId: f.value.id, regionalCouncilId: null } } : f;
      }
      if (kind === 'regional_council') {
        const c = this.structure.councils.find(v);
        return c.ok ? { ok: true, value: { kind, id: c.value.id, federationId: null, regionalCouncilId: c.value.id } } : c;
      }
      return this.union(v);
    });
    if (!found) return null;
    const { federationId, regionalCouncilId } = this.scope;
    const outside =
      (federationId !== null && found.federationId !== federationId) || (regionalCouncilId !== null && found.regionalCouncilId !== regionalCouncilId);
    if (outside) {
      cells.fail(
        'organizationCode',
        'ORGANIZATION_OUTSIDE_SCOPE',
        federationId !== null ? 'あなたの構成組織とその組合の機関だけを取り込めます' : 'あなたの地域連合とその組合の機関だけを取り込めます',
      );
      return null;
    }
    return found;
  }

  private union(value: unknown): Parsed<Owner> {
    const text = cellText(value);
    const candidates = this.unions.get(text.toLowerCase()) ?? this.unions.get(text) ?? [];
    if (candidates.length === 1) {
      const u = candidates[0];
      return { ok: true, value: { kind: 'union', id: u.id, federationId: u.federationId, regionalCouncilId: u.regionalCouncilId } };
    }
    if (candidates.length > 1) {
      return {
        ok: false,
        code: 'UNION_AMBIGUOUS',
        message: `組合名「${text}」の組合が複数あります。組合コードで指定してください(${candidates.map((u) => u.code ?? '-').join('、')})`,
      };
    }
    return { ok: false, code: 'REFERENCE_UNKNOWN', message: `組合「${text}」はありません。組合コードまたは正確な組合名で入力してください` };
  }

  static async unionsOf(db: DataSource): Promise<Map<string, UnionRef[]>> {
    const rows = await query<UnionRef[]>(
      db,
      sql`SELECT id, code, name, federation_id AS "federationId", regional_council_id AS "regionalCouncilId" FROM unions`,
    );
    const byWord = new Map<string, UnionRef[]>();
    const add = (word: string, u: UnionRef) => byWord.set(word, [...(byWord.get(word) ?? []), u]);
    for (const u of rows) add(cellText(u.name), u);
    for (const u of rows) if (u.code) byWord.set(cellText(u.code).toLowerCase(), [u]);
    return byWord;
  }
}

/** 機関の構成(男女別人数): a body's composition per fiscal year, as PUT /governance-bodies/:id/compositions/:fiscalYear takes it. */
export const GOVERNANCE_COMPOSITIONS_IMPORT: ImportKind<StagedRecord> = {
  name: 'governance-compositions',
  title: '機関の男女別構成',
  importers: ['admin', 'regional', 'federation'],
  columns: [
    {
      field: 'organizationKind',
      header: '組織区分',
      required: true,
      list: organizationKinds,
      example: '構成組織',
      help: '連合神奈川・構成組織・地域連合・組合',
    },
    {
      field: 'organizationCode',
      header: '組織コード',
      required: false,
      example: 'f03',
      help: '構成組織・地域連合のコードまたは名称、組合の組合コードまたは正確な組合名。連合神奈川は空欄',
    },
    {
      field: 'bodyKind',
      header: '機関',
      required: true,
      list: bodyKinds,
      example: '執行委員会',
      help: '執行委員会・三役・大会代議員・中央委員会・女性委員会・その他',
    },
    {
      field: 'bodyName',
      header: '機関名',
      required: false,
      example: '執行委員会',
      help: '省略すると機関の種類の名前。同じ組織・名前の機関がなければ作られます',
    },
    {
      field: 'fiscalYear',
      header: '年度',
      required: true,
      example: 2026,
      help: '2026、2026年度、令和8年度 のいずれかの形。同じ機関・年度の構成は置き換えられます',
    },
    { field: 'seats', header: '定数', required: true, example: 20, help: '人数(0以上の整数)。女性・男性・不明の合計と同じ数' },
    { field: 'women', header: '女性', required: true, example: 6, help: '人数(氏名は記録しません)' },
    { field: 'men', header: '男性', required: true, example: 14, help: '人数' },
    { field: 'unspecified', header: '不明', required: false, example: 0, help: '性別の分からない人数。省略すると0' },
    { field: 'womenQuota', header: '女性枠', required: false, example: 'あり', help: '「あり」または「なし」。省略すると「なし」' },
  ],
  writes: 'records',
  checker: async ({ db, scope }) => {
    const [structure, unions] = await Promise.all([StructureDirectory.load(db), CompositionRows.unionsOf(db)]);
    return new CompositionRows(structure, unions, scope);
  },
  staging: recordStaging,
  summary: countRows,
  committer: GovernanceCompositionsCommit,
};
