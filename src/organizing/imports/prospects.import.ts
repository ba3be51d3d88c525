import type { ImportKind } from '../../platform/imports/import-kinds';
import { CodeList, Parsed, calendarDate, cellText, integerIn } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues, blank, textUpTo } from '../../platform/imports/staging/row-checks';
import { StagedRecord, countRows, recordStaging } from '../../platform/imports/staging/record-staging';
import { StructureDirectory } from '../../structure/imports/structure-directory';
import { ownCouncil } from '../../structure/imports/unions.import';
import { PROSPECT_SOURCE_LABELS, STAGE_LABELS } from '../labels';
import { PROSPECT_SOURCES } from '../prospects/prospect.entity';
import { normalizeName, toKatakana } from '../prospects/prospect-location';
import { INITIAL_STAGES, STAGES } from '../prospects/stage-rules';
import { OrganizerDirectory } from './organizer-directory';
import { ProspectsCommit } from './prospects-commit';

type Checked = { staged: StagedRecord | null; errors: RowError[] };

const prospectSources = new CodeList('経緯', PROSPECT_SOURCE_LABELS, PROSPECT_SOURCES);
const stages = new CodeList('段階', STAGE_LABELS, INITIAL_STAGES);
const anyStage = new CodeList('段階', STAGE_LABELS, STAGES);
const INITIAL_STAGE_NAMES = INITIAL_STAGES.map((s) => STAGE_LABELS[s][0]).join('・');

/** A working stage; a later one (加盟, 保留, 断念) is reached through the stage changes, not on creation. */
function initialStage(value: unknown): Parsed<string> {
  const stage = stages.read(value);
  if (stage.ok || !anyStage.read(value).ok) return stage;
  return {
    ok: false,
    code: 'STAGE_NOT_INITIAL',
    message: `段階「${cellText(value)}」は新しい事業所には選べません。${INITIAL_STAGE_NAMES} のどれかにしてください`,
  };
}

const MAX_WORKERS = 1_000_000;

const WORKFORCE = ['workforceRegular', 'workforcePartTime', 'workforceFixedTerm', 'workforceDispatch'] as const;

/**
 * Rows of a prospects file, checked as POST /prospects checks a body: the council follows
 * from the municipality as the API resolves it, council staff register their council's
 * prospects only, coded values are read by code or label, the workforce breakdown is all
 * four counts or none, a new prospect starts at a working stage, and its assigned
 * organizers (by e-mail address) are organizers of its council.
 */
class ProspectRows implements RowChecker<StagedRecord> {
  constructor(
    private readonly structure: StructureDirectory,
    private readonly scopeCouncilId: string | null,
    private readonly organizers: OrganizerDirectory,
  ) {}

  check(row: number, values: RowValues): Checked {
    const cells = new Cells(PROSPECTS_IMPORT, row, values);
    const employerName = cells.read('employerName', textUpTo(200, normalizeName));
    const employerNameKana = cells.optional('employerNameKana', textUpTo(200, toKatakana));
    const establishmentName = cells.optional('establishmentName', textUpTo(200, normalizeName));
    const municipality = cells.optional('municipality', textUpTo(50, normalizeName));
    const council = cells.optional('regionalCouncilCode', (v) => ownCouncil(this.structure, this.scopeCouncilId, '事業所', this.structure.councils.find(v)));
    const regionalCouncilId = this.inScope(cells, values, this.council(cells, values, municipality, council));
    const sectorCode = cells.optional('sectorCode', (v) => this.structure.sectors.find(v))?.code ?? null;
    const targetFederationId = cells.optional('targetFederationCode', (v) => this.structure.federations.find(v))?.id ?? null;
    const estimatedWorkers = cells.read('estimatedWorkers', (v) => integerIn(v, 0, MAX_WORKERS));
    const workforce = this.workforce(cells, values);
    const source = cells.read('source', (v) => (blank(v) ? { ok: false, code: 'SOURCE_MISSING', message: '経緯を入力してください' } : prospectSources.read(v)));
    const stage = blank(values.stage) ? 'identified' : cells.read('stage', initialStage);
    const nextActionOn = cells.optional('nextActionOn', calendarDate);
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
      if (council === null) cells.fail('regionalCouncilCode', 'COUNCIL_MISSING', '市区町村を省略するときは地域連合コードを入力してください');
      return council?.id ?? null;
    }
    const listing = this.structure.councilsListing(municipality);
    if (listing.length === 0) {
      cells.fail('municipality', 'MUNICIPALITY_UNLISTED', `市区町村「${municipality}」はどの地域連合の市区町村一覧にもありません`);
      return null;
    }
    if (council !== null) {
      if (listing.some((c) => c.id === council.id)) return council.id;
      cells.fail('regionalCouncilCode', 'MUNICIPALITY_NOT_IN_COUNCIL', `地域連合「${council.name}」の市区町村一覧に「${municipality}」はありません`);
      return null;
    }
    if (listing.length > 1) {
      cells.fail(
        'regionalCouncilCode',
        'MUNICIPALITY_IN_SEVERAL_COUNCILS',
        `市区町村「${municipality}」は複数の地域連合にあります。地域連合コードを入力してください`,
      );
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
    cells.fail(
      'municipality',
      'MUNICIPALITY_OUTSIDE_SCOPE',
      `市区町村「${cellText(values.municipality)}」は${name}の市区町村です。あなたの地域連合の事業所だけを登録できます`,
    );
    return null;
  }

  /** 担当オルガナイザー by e-mail address: each one a problem of its own, naming it. */
  private assignedOrganizers(cells: Cells, values: RowValues, regionalCouncilId: string | null): string[] {
    if (blank(values.assignedOrganizerEmails)) return [];
    const { ids, problems } = this.organizers.read(values.assignedOrganizerEmails, regionalCouncilId);
    for (const problem of problems) cells.fail('assignedOrganizerEmails', problem.code, problem.message, problem.value);
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
        cells.fail(field, 'WORKFORCE_INCOMPLETE', '内訳は4列（正社員数・パート数・有期雇用数・派遣数）すべて入力するか、すべて空欄にしてください');
      return none;
    }
    const counts = { ...none };
    for (const field of WORKFORCE) counts[field] = cells.read(field, (v) => integerIn(v, 0, MAX_WORKERS));
    return counts;
  }
}

/** 組織化対象: prospects, as POST /prospects takes them. */
export const PROSPECTS_IMPORT: ImportKind<StagedRecord> = {
  name: 'prospects',
  title: '組織化対象',
  importers: ['admin', 'regional'],
  columns: [
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
    { field: 'source', header: '経緯', required: true, list: prospectSources, example: '労働相談から', help: '一覧の経緯名またはコード' },
    { field: 'stage', header: '段階', required: false, list: stages, example: '候補把握', help: '省略すると「候補把握」。加盟・保留・断念は選べません' },
    { field: 'nextActionOn', header: '次回予定日', required: false, example: '2026-05-01', help: '2026-05-01、2026/5/1、令和8年5月1日 のいずれかの形' },
    {
      field: 'assignedOrganizerEmails',
      header: '担当オルガナイザー',
      required: false,
      example: '',
      help: '担当するオルガナイザーのメールアドレス。複数は「、」「,」または空白で区切ります。事業所と同じ地域連合のオルガナイザーに限ります',
    },
  ],
  writes: 'records',
  checker: async ({ db, scope }) =>
    new ProspectRows(await StructureDirectory.load(db), scope.regionalCouncilId, await OrganizerDirectory.load(db, scope.regionalCouncilId)),
  staging: recordStaging,
  summary: countRows,
  committer: ProspectsCommit,
};
