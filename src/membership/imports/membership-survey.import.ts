import type { ImportKind, Summary } from '../../platform/imports/import-kinds';
import { calendarDate, integerIn } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues } from '../../platform/imports/staging/row-checks';
import { MAX_SURVEY_MEMBERS } from '../membership-surveys/dto/submit-membership-survey.dto';
import { MembershipSurveyCommit } from './ledger-commit';
import { StagedRow, UNION_COLUMNS, UNION_FIELDS, employmentTypes, genders, ledgerStaging, unionOf } from './ledger-rows';
import { UnionDirectory } from './union-directory';

/**
 * The annual survey: a union's rows are one survey, so they share one day, and each
 * employment type x gender appears once. Remembers per union its day and pairs (small:
 * at most 15 pairs per union).
 */
class SurveyRows implements RowChecker<StagedRow> {
  private readonly seen = new Map<string, { day: string; pairs: Set<string> }>();

  constructor(
    private readonly unions: UnionDirectory,
    private readonly today: string,
  ) {}

  check(row: number, values: RowValues): { staged: StagedRow | null; errors: RowError[] } {
    const cells = new Cells(MEMBERSHIP_SURVEY_IMPORT, row, values);
    const unionId = unionOf(cells, this.unions);
    const surveyedOn = cells.read('surveyedOn', (v) => {
      const day = calendarDate(v);
      return day.ok && day.value > this.today ? { ok: false, code: 'SURVEY_DATE_IN_FUTURE', message: '未来の日付は調査日にできません' } : day;
    });
    const employmentType = cells.read('employmentType', (v) => employmentTypes.read(v));
    const gender = cells.read('gender', (v) => genders.read(v));
    const members = cells.read('members', (v) => integerIn(v, 0, MAX_SURVEY_MEMBERS));
    if (unionId !== null && surveyedOn !== null && employmentType !== null && gender !== null) {
      const survey = this.seen.get(unionId) ?? { day: surveyedOn, pairs: new Set<string>() };
      this.seen.set(unionId, survey);
      const pair = `${employmentType}/${gender}`;
      if (survey.day !== surveyedOn)
        cells.fail('surveyedOn', 'SURVEY_DATE_DIFFERS', `同じ組合の調査日はすべて ${survey.day} にしてください（1組合につき1つの調査）`);
      else if (survey.pairs.has(pair)) cells.fail('gender', 'SURVEY_PAIR_REPEATED', 'この組合の同じ雇用形態・性別の行が前にあります');
      survey.pairs.add(pair);
    }
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        unionId: unionId!,
        effectiveOn: surveyedOn!,
        delta: null,
        members,
        cause: null,
        employmentType: employmentType!,
        gender: gender!,
        note: null,
      },
      errors: [],
    };
  }
}

/** Surveys (one per union) and members counted, as the check's summary. */
class SurveySummary implements Summary<StagedRow> {
  private readonly unions = new Set<string>();
  private members = 0;

  add(staged: StagedRow): void {
    this.unions.add(staged.unionId);
    this.members += staged.members ?? 0;
  }

  summary(rows: number): Record<string, number> {
    return { rows, surveys: this.unions.size, members: this.members };
  }
}

/** 組合員数調査: the annual survey, a union's rows one survey, as POST /membership-surveys takes it. */
export const MEMBERSHIP_SURVEY_IMPORT: ImportKind<StagedRow> = {
  name: 'membership-survey',
  title: '組合員数調査',
  importers: ['admin', 'federation'],
  columns: [
    ...UNION_COLUMNS,
    { field: 'surveyedOn', header: '調査日', required: true, example: '2026-06-30', help: '組合ごとに同じ日付。未来の日付は不可' },
    { field: 'employmentType', header: '雇用形態', required: true, list: employmentTypes, example: '正社員', help: '一覧の雇用形態名またはコード' },
    { field: 'gender', header: '性別', required: true, list: genders, example: '女性', help: '一覧の性別名またはコード' },
    { field: 'members', header: '人数', required: true, example: 120, help: '調査日時点の人数（0以上）。組合×雇用形態×性別ごとに1行' },
  ],
  oneOfHeaders: UNION_FIELDS,
  writes: 'ledger',
  checker: async ({ db, scope, today }) => new SurveyRows(await UnionDirectory.load(db, scope.federationId), today),
  staging: ledgerStaging,
  summary: () => new SurveySummary(),
  committer: MembershipSurveyCommit,
};
