import { labelOf } from '../../platform/labels/labels';
import { CAUSE_LABELS, EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_LABELS, GENDERS, GENDER_LABELS } from '../vocabulary';
import { MAX_ABS_DELTA, CLIENT_CAUSES, isDecreaseCause, isIncreaseCause } from '../membership-changes/membership-change.rules';
import { MAX_NOTE_LENGTH } from '../membership-changes/membership-change.fields';
import { MAX_SURVEY_MEMBERS } from '../membership-surveys/dto/submit-membership-survey.dto';
import { CodeList, Parsed, calendarDate, cellText, integerIn } from './cell-values';
import { COLUMNS, ReadableKind } from './import-columns';
import { UnionDirectory } from './union-directory';

/** A problem of one cell: `row` as Excel shows it, `column` the header. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A good row in the ledger's words, as it waits in import_rows. */
export interface StagedRow {
  rowNumber: number;
  unionId: string;
  effectiveOn: string;
  delta: number | null;
  members: number | null;
  cause: string | null;
  employmentType: string;
  gender: string;
  note: string | null;
}

export type RowValues = Record<string, unknown>;

const causes = new CodeList('事由', CAUSE_LABELS, CLIENT_CAUSES);
const employmentTypes = new CodeList('雇用形態', EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES);
const genders = new CodeList('性別', GENDER_LABELS, GENDERS);

/** Checks one data row of a kind; rows come in file order. */
export interface RowChecker<S = StagedRow> {
  check(row: number, values: RowValues): { staged: S | null; errors: RowError[] };
}

/** Reads each field with its parser and collects the problems under the column's header. */
export class Cells {
  readonly errors: RowError[] = [];
  constructor(
    private readonly kind: ReadableKind,
    private readonly row: number,
    private readonly values: RowValues,
  ) {}

  read<T>(field: string, parse: (value: unknown) => Parsed<T>): T | null {
    const value = this.values[field];
    const result = parse(value);
    if (result.ok) return result.value;
    this.fail(field, result.message);
    return null;
  }

  /** A problem of the cell; `value` names one part of it (an address of several) instead of the whole cell. */
  fail(field: string, message: string, value = cellText(this.values[field])): void {
    const header = COLUMNS[this.kind].find((c) => c.field === field)?.header ?? field;
    this.errors.push({ row: this.row, column: header, value, message });
  }

  union(directory: UnionDirectory): string | null {
    const found = directory.resolve(this.values.unionCode, this.values.unionName);
    if (found.ok) return found.value;
    this.errors.push({ row: this.row, column: found.column, value: found.value, message: found.message });
    return null;
  }
}

export const blank = (value: unknown): boolean => cellText(value) === '';

export class MembershipChangeRows implements RowChecker {
  constructor(private readonly unions: UnionDirectory) {}

  check(row: number, values: RowValues): { staged: StagedRow | null; errors: RowError[] } {
    const cells = new Cells('membership-changes', row, values);
    const unionId = cells.union(this.unions);
    const effectiveOn = cells.read('effectiveOn', calendarDate);
    const cause = cells.read('cause', (v) => causes.read(v));
    const delta = cells.read('delta', (v) => {
      const n = integerIn(v, -MAX_ABS_DELTA, MAX_ABS_DELTA);
      return n.ok && n.value === 0 ? { ok: false, message: '0 は入力できません。増加は正、減少は負の数です' } : n;
    });
    if (cause !== null && delta !== null) {
      if (isIncreaseCause(cause) && delta < 0) cells.fail('delta', `事由「${labelOf(CAUSE_LABELS, cause)}」は増加の事由です。増減数は正の数にしてください`);
      if (isDecreaseCause(cause) && delta > 0)
        cells.fail('delta', `事由「${labelOf(CAUSE_LABELS, cause)}」は減少の事由です。増減数は負の数（例: -${delta}）にしてください`);
    }
    const employmentType = cells.read('employmentType', (v) => employmentTypes.read(v));
    const gender = blank(values.gender) ? 'unspecified' : cells.read('gender', (v) => genders.read(v));
    const note = blank(values.note)
      ? null
      : cells.read('note', (v) => {
          const text = cellText(v);
          return text.length <= MAX_NOTE_LENGTH
            ? { ok: true, value: text }
            : { ok: false, message: `備考は${MAX_NOTE_LENGTH.toLocaleString('ja-JP')}文字までです` };
        });
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    return {
      staged: {
        rowNumber: row,
        unionId: unionId!,
        effectiveOn: effectiveOn!,
        delta,
        members: null,
        cause,
        employmentType: employmentType!,
        gender: gender!,
        note,
      },
      errors: [],
    };
  }
}

/**
 * The annual survey: a union's rows are one survey, so they share one day, and each
 * employment type x gender appears once. Remembers per union its day and pairs (small:
 * at most 15 pairs per union).
 */
export class SurveyRows implements RowChecker {
  private readonly seen = new Map<string, { day: string; pairs: Set<string> }>();

  constructor(
    private readonly unions: UnionDirectory,
    private readonly today: string,
  ) {}

  check(row: number, values: RowValues): { staged: StagedRow | null; errors: RowError[] } {
    const cells = new Cells('membership-survey', row, values);
    const unionId = cells.union(this.unions);
    const surveyedOn = cells.read('surveyedOn', (v) => {
      const day = calendarDate(v);
      return day.ok && day.value > this.today ? { ok: false, message: '未来の日付は調査日にできません' } : day;
    });
    const employmentType = cells.read('employmentType', (v) => employmentTypes.read(v));
    const gender = cells.read('gender', (v) => genders.read(v));
    const members = cells.read('members', (v) => integerIn(v, 0, MAX_SURVEY_MEMBERS));
    if (unionId !== null && surveyedOn !== null && employmentType !== null && gender !== null) {
      const survey = this.seen.get(unionId) ?? { day: surveyedOn, pairs: new Set<string>() };
      this.seen.set(unionId, survey);
      const pair = `${employmentType}/${gender}`;
      if (survey.day !== surveyedOn) cells.fail('surveyedOn', `同じ組合の調査日はすべて ${survey.day} にしてください（1組合につき1つの調査）`);
      else if (survey.pairs.has(pair)) cells.fail('gender', 'この組合の同じ雇用形態・性別の行が前にあります');
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
