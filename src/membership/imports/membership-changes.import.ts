import { labelOf } from '../../platform/labels/labels';
import type { ImportKind, Summary } from '../../platform/imports/import-kinds';
import { CodeList, calendarDate, cellText, integerIn } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues, blank } from '../../platform/imports/staging/row-checks';
import { MAX_NOTE_LENGTH } from '../membership-changes/membership-change.fields';
import { CLIENT_CAUSES, MAX_ABS_DELTA, isDecreaseCause, isIncreaseCause } from '../membership-changes/membership-change.rules';
import { CAUSE_LABELS } from '../vocabulary';
import { MembershipChangesCommit } from './ledger-commit';
import { StagedRow, UNION_COLUMNS, UNION_FIELDS, employmentTypes, genders, ledgerStaging, unionOf } from './ledger-rows';
import { UnionDirectory } from './union-directory';

const causes = new CodeList('事由', CAUSE_LABELS, CLIENT_CAUSES);

class MembershipChangeRows implements RowChecker<StagedRow> {
  constructor(private readonly unions: UnionDirectory) {}

  check(row: number, values: RowValues): { staged: StagedRow | null; errors: RowError[] } {
    const cells = new Cells(MEMBERSHIP_CHANGES_IMPORT, row, values);
    const unionId = unionOf(cells, this.unions);
    const effectiveOn = cells.read('effectiveOn', calendarDate);
    const cause = cells.read('cause', (v) => causes.read(v));
    const delta = cells.read('delta', (v) => {
      const n = integerIn(v, -MAX_ABS_DELTA, MAX_ABS_DELTA);
      return n.ok && n.value === 0 ? { ok: false, code: 'DELTA_ZERO', message: '0 は入力できません。増加は正、減少は負の数です' } : n;
    });
    if (cause !== null && delta !== null) {
      if (isIncreaseCause(cause) && delta < 0)
        cells.fail('delta', 'DELTA_NEGATIVE_FOR_INCREASE', `事由「${labelOf(CAUSE_LABELS, cause)}」は増加の事由です。増減数は正の数にしてください`);
      if (isDecreaseCause(cause) && delta > 0)
        cells.fail(
          'delta',
          'DELTA_POSITIVE_FOR_DECREASE',
          `事由「${labelOf(CAUSE_LABELS, cause)}」は減少の事由です。増減数は負の数（例: -${delta}）にしてください`,
        );
    }
    const employmentType = cells.read('employmentType', (v) => employmentTypes.read(v));
    const gender = blank(values.gender) ? 'unspecified' : cells.read('gender', (v) => genders.read(v));
    const note = cells.optional('note', (v) => {
      const text = cellText(v);
      return text.length <= MAX_NOTE_LENGTH
        ? { ok: true, value: text }
        : { ok: false, code: 'NOTE_TOO_LONG', message: `備考は${MAX_NOTE_LENGTH.toLocaleString('ja-JP')}文字までです` };
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

/** Unions touched and members in and out, as the check's summary. */
class ChangesSummary implements Summary<StagedRow> {
  private readonly unions = new Set<string>();
  private increase = 0;
  private decrease = 0;

  add(staged: StagedRow): void {
    this.unions.add(staged.unionId);
    if (staged.delta !== null && staged.delta > 0) this.increase += staged.delta;
    if (staged.delta !== null && staged.delta < 0) this.decrease -= staged.delta;
  }

  summary(rows: number): Record<string, number> {
    return { rows, unions: this.unions.size, increase: this.increase, decrease: this.decrease, net: this.increase - this.decrease };
  }
}

/** 組合員数増減: entries of the ledger, as POST /membership-changes takes them. */
export const MEMBERSHIP_CHANGES_IMPORT: ImportKind<StagedRow> = {
  name: 'membership-changes',
  title: '組合員数増減',
  importers: ['admin', 'federation'],
  columns: [
    ...UNION_COLUMNS,
    { field: 'effectiveOn', header: '発効日', required: true, example: '2026-04-01', help: '2026-04-01、2026/4/1、令和8年4月1日 のいずれかの形' },
    { field: 'delta', header: '増減数', required: true, example: 12, help: '増加は正の数、減少は負の数（例: -3）' },
    {
      field: 'cause',
      header: '事由',
      required: true,
      list: causes,
      example: '新規採用者の加入',
      help: '一覧の事由名またはコード。増加の事由には正、減少の事由には負の数',
    },
    { field: 'employmentType', header: '雇用形態', required: true, list: employmentTypes, example: '正社員', help: '一覧の雇用形態名またはコード' },
    { field: 'gender', header: '性別', required: false, list: genders, example: '女性', help: '省略すると「回答なし」' },
    { field: 'note', header: '備考', required: false, example: '4月入社', help: '1,000文字まで' },
  ],
  oneOfHeaders: UNION_FIELDS,
  writes: 'ledger',
  checker: async ({ db, scope }) => new MembershipChangeRows(await UnionDirectory.load(db, scope.federationId)),
  staging: ledgerStaging,
  summary: () => new ChangesSummary(),
  committer: MembershipChangesCommit,
};
