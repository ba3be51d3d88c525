import { CODE_PATTERN } from '../../platform/common/validation/reference-fields';
import { PROSPECT_SOURCE_LABELS, STAGE_LABELS } from '../../organizing/labels';
import { UNION_KIND_LABELS, UNION_STATUS_LABELS } from '../../structure/labels';
import { PROSPECT_SOURCES } from '../../organizing/prospects/prospect.entity';
import { normalizeName, toKatakana } from '../../organizing/prospects/prospect-location';
import { INITIAL_STAGES, STAGES } from '../../organizing/prospects/stage-rules';
import { UNION_KINDS, UNION_STATUSES } from '../../structure/unions/union.entity';
import { CodeList, Parsed, calendarDate, cellText, integerIn } from './cell-values';
import { Cells, RowChecker, RowError, RowValues, blank } from './row-checks';
import { ImportScopeIds } from './import-access';
import { OrganizerDirectory } from './organizer-directory';
import { StructureDirectory } from './structure-directory';

/** A good row of a structure kind: the API body it stands for, resolved to ids and codes. */
export interface StagedRecord {
  rowNumber: number;
  record: Record<string, unknown>;
}

type Checked = { staged: StagedRecord | null; errors: RowError[] };

const unionStatuses = new CodeList('状態', UNION_STATUS_LABELS, UNION_STATUSES);
const unionKinds = new CodeList('組合種別', UNION_KIND_LABELS, UNION_KINDS);
const prospectSources = new CodeList('経緯', PROSPECT_SOURCE_LABELS, PROSPECT_SOURCES);
const stages = new CodeList('段階', STAGE_LABELS, INITIAL_STAGES);
const anyStage = new CodeList('段階', STAGE_LABELS, STAGES);
const INITIAL_STAGE_NAMES = INITIAL_STAGES.map((s) => STAGE_LABELS[s][0]).join('・');

/** A working stage; a later one (加盟, 保留, 断念) is reached through the stage changes, not on creation. */
function initialStage(value: unknown): Parsed<string> {
  const stage = stages.read(value);
  if (stage.ok || !anyStage.read(value).ok) return stage;
  return { ok: false, message: `段階「${cellText(value)}」は新しい事業所には選べません。${INITIAL_STAGE_NAMES} のどれかにしてください` };
}

const MAX_WORKERS = 1_000_000;

/** A council read from a cell, held to the council staff's own (`scopeCouncilId`; null: any). */
function ownCouncil<T extends { id: string; name: string }>(
  structure: StructureDirectory,
  scopeCouncilId: string | null,
  what: string,
  found: Parsed<T>,
): Parsed<T> {
  if (!found.ok || scopeCouncilId === null || found.value.id === scopeCouncilId) return found;
  return {
    ok: false,
    message: `${found.value.name}の${what}は登録できません。あなたの地域連合（${structure.councilName(scopeCouncilId)}）の${what}だけを登録できます`,
  };
}

/** Text of at most `max` characters (NFKC, trimmed), as the API's MaxLength. */
const textUpTo =
  (max: number, normalize: (text: string) => string = (t) => t) =>
  (value: unknown): Parsed<string> => {
    const text = normalize(cellText(value));
    if (text === '') return { ok: false, message: '入力してください' };
    return text.length <= max ? { ok: true, value: text } : { ok: false, message: `${max.toLocaleString('ja-JP')}文字までです` };
  };

/** An optional cell: null when blank, else read. */
const optional = <T>(cells: Cells, values: RowValues, field: string, parse: (value: unknown) => Parsed<T>): T | null =>
  blank(values[field]) ? null : cells.read(field, parse);

/**
 * Rows of a unions file, checked as POST /unions checks a body: a code matches the code
 * pattern and is unique (within the file and against the unions already registered), the
 * federation and council exist, a directly affiliated union has no federation, a
 * federation officer registers unions of their own federation only, and council staff
 * those of their own council.
 */
export class UnionRows implements RowChecker<StagedRecord> {
  private readonly codesInFile = new Map<string, number>();

  constructor(
    private readonly structure: StructureDirectory,
    private readonly scope: ImportScopeIds,
  ) {}

  check(row: number, values: RowValues): Checked {
    const cells = new Cells('unions', row, values);
    const code = optional(cells, values, 'code', (v) => this.code(row, cellText(v)));
    const name = cells.read('name', textUpTo(200));
    const federation = optional(cells, values, 'federationCode', (v) => this.structure.federations.find(v));
    const council = cells.read('regionalCouncilCode', (v) =>
      blank(v)
        ? { ok: false, message: '地域連合のコードまたは名称を入力してください' }
        : ownCouncil(this.structure, this.scope.regionalCouncilId, '組合', this.structure.councils.find(v)),
    );
    const employerName = cells.read('employerName', textUpTo(200));
    const municipality = optional(cells, values, 'municipality', textUpTo(50));
    const affiliatedOn = optional(cells, values, 'affiliatedOn', calendarDate);
    const status = blank(values.status) ? 'active' : cells.read('status', (v) => unionStatuses.read(v));
    const kind = blank(values.kind) ? 'enterprise' : cells.read('kind', (v) => unionKinds.read(v));
    const federationId = federation?.id ?? null;
    if (this.scope.federationId !== null && federationId !== this.scope.federationId && (federation !== null || blank(values.federationCode))) {
      cells.fail('federationCode', 'あなたの構成組織の組合だけを登録できます。構成組織コードにあなたの構成組織を入力してください');
    } else if (kind === 'direct' && federationId !== null) {
      cells.fail('federationCode', '直加盟の組合（組合種別「直加盟」）は構成組織コードを空欄にしてください');
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
    if (!CODE_PATTERN.test(code)) return { ok: false, message: '組合コードは半角英小文字・数字・-・_ の50文字まで（先頭は英数字）で入力してください' };
    if (this.structure.unionCodeTaken(code)) return { ok: false, message: `組合コード「${code}」の組合はすでに登録されています` };
    const earlier = this.codesInFile.get(code);
    if (earlier !== undefined) return { ok: false, message: `組合コード「${code}」は${earlier}行目と重複しています` };
    this.codesInFile.set(code, row);
    return { ok: true, value: code };
  }
}

const WORKFORCE = ['workforceRegular', 'workforcePartTime', 'workforceFixedTerm', 'workforceDispatch'] as const;

/**
 * Rows of a prospects file, checked as POST /prospects checks a body: the council follows
 * from the municipality as the API resolves it, council staff register their council's
 * prospects only, coded values are read by code or label, the workforce breakdown is all
 * four counts or none, a new prospect starts at a working stage, and its assigned
 * organizers (by e-mail address) are organizers of its council.
 */
export class ProspectRows implements RowChecker<StagedRecord> {
  constructor(
    private readonly structure: StructureDirectory,
    private readonly scopeCouncilId: string | null,
    private readonly organizers: OrganizerDirectory,
  ) {}

  check(row: number, values: RowValues): Checked {
    const cells = new Cells('prospects', row, values);
    const employerName = cells.read('employerName', textUpTo(200, normalizeName));
    const employerNameKana = optional(cells, values, 'employerNameKana', textUpTo(200, toKatakana));
    const establishmentName = optional(cells, values, 'establishmentName', textUpTo(200, normalizeName));
    const municipality = optional(cells, values, 'municipality', textUpTo(50, normalizeName));
    const council = optional(cells, values, 'regionalCouncilCode', (v) =>
      ownCouncil(this.structure, this.scopeCouncilId, '事業所', this.structure.councils.find(v)),
    );
    const regionalCouncilId = this.inScope(cells, values, this.council(cells, values, municipality, council));
    const sectorCode = optional(cells, values, 'sectorCode', (v) => this.structure.sectors.find(v))?.code ?? null;
    const targetFederationId = optional(cells, values, 'targetFederationCode', (v) => this.structure.federations.find(v))?.id ?? null;
    const estimatedWorkers = cells.read('estimatedWorkers', (v) => integerIn(v, 0, MAX_WORKERS));
    const workforce = this.workforce(cells, values);
    const source = cells.read('source', (v) => (blank(v) ? { ok: false, message: '経緯を入力してください' } : prospectSources.read(v)));
    const stage = blank(values.stage) ? 'identified' : cells.read('stage', initialStage);
    const nextActionOn = optional(cells, values, 'nextActionOn', calendarDate);
    const assignedOrganizerIds = this.assignedOrganizers(cells, values, regionalCouncilId);
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        record: {
          employerName,
          employerNameKana,
          establishmentName,
          municipality,
          regionalCouncilId,
          sectorCode,
          targetFederationId,
          estimatedWorkers,
          ...workforce,
          source,
          stage,
          assignedOrganizerIds,
          nextActionOn,
        },
      },
      errors: [],
    };
  }

  /** As POST /prospects: the council named, else the one council that lists the municipality. */
  private council(cells: Cells, values: RowValues, municipality: string | null, council: { id: string; name: string } | null): string | null {
    if (!blank(values.regionalCouncilCode) && council === null) return null;
    if (municipality === null) {
      if (council === null) cells.fail('regionalCouncilCode', '市区町村を省略するときは地域連合コードを入力してください');
      return council?.id ?? null;
    }
    const listing = this.structure.councilsListing(municipality);
    if (listing.length === 0) {
      cells.fail('municipality', `市区町村「${municipality}」はどの地域連合の市区町村一覧にもありません`);
      return null;
    }
    if (council !== null) {
      if (listing.some((c) => c.id === council.id)) return council.id;
      cells.fail('regionalCouncilCode', `地域連合「${council.name}」の市区町村一覧に「${municipality}」はありません`);
      return null;
    }
    if (listing.length > 1) {
      cells.fail('regionalCouncilCode', `市区町村「${municipality}」は複数の地域連合にあります。地域連合コードを入力してください`);
      return null;
    }
    return listing[0].id;
  }

  /**
   * A council found from the municipality must be the staff's own too (one named in
   * 地域連合コード was held to it as it was read).
   */
  private inScope(cells: Cells, values: RowValues, councilId: string | null): string | null {
    if (this.scopeCouncilId === null || councilId === null || councilId === this.scopeCouncilId) return councilId;
    const name = this.structure.councilName(councilId);
    cells.fail('municipality', `市区町村「${cellText(values.municipality)}」は${name}の市区町村です。あなたの地域連合の事業所だけを登録できます`);
    return null;
  }

  /** 担当オルガナイザー by e-mail address: each one a problem of its own, naming it. */
  private assignedOrganizers(cells: Cells, values: RowValues, regionalCouncilId: string | null): string[] {
    if (blank(values.assignedOrganizerEmails)) return [];
    const { ids, problems } = this.organizers.read(values.assignedOrganizerEmails, regionalCouncilId);
    for (const problem of problems) cells.fail('assignedOrganizerEmails', problem.message, problem.value);
    return ids;
  }

  private workforce(cells: Cells, values: RowValues): Record<(typeof WORKFORCE)[number], number | null> {
    const none: Record<(typeof WORKFORCE)[number], number | null> = {
      workforceRegular: null,
      workforcePartTime: null,
      workforceFixedTerm: null,
      workforceDispatch: null,
    };
    const given = WORKFORCE.filter((field) => !blank(values[field]));
    if (given.length === 0) return none;
    if (given.length < WORKFORCE.length) {
      for (const field of WORKFORCE.filter((f) => blank(values[f])))
        cells.fail(field, '内訳は4列（正社員数・パート数・有期雇用数・派遣数）すべて入力するか、すべて空欄にしてください');
      return none;
    }
    const counts = { ...none };
    for (const field of WORKFORCE) counts[field] = cells.read(field, (v) => integerIn(v, 0, MAX_WORKERS));
    return counts;
  }
}
