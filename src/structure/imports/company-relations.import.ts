import type { ImportKind } from '../../platform/imports/import-kinds';
import { CodeList, Parsed, calendarDate, cellText } from '../../platform/imports/reading/cell-values';
import { Cells, RowChecker, RowError, RowValues, blank, textUpTo } from '../../platform/imports/staging/row-checks';
import { StagedRecord, countRows, recordStaging } from '../../platform/imports/staging/record-staging';
import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { CONFIDENCES, CONTROLLING_KINDS, RELATION_KINDS, RelationKind } from '../companies/company-relation.entity';
import { CONFIDENCE_LABELS, RELATION_KIND_LABELS } from '../labels';
import { CompanyRelationsCommit } from './company-relations-commit';
import { CompanyDirectory, KnownCompany, KnownRelation } from './company-directory';

type Checked = { staged: StagedRecord | null; errors: RowError[] };

const kinds = new CodeList('関係', RELATION_KIND_LABELS, RELATION_KINDS);
const confidences = new CodeList('確度', CONFIDENCE_LABELS, CONFIDENCES);

function percent(value: unknown): Parsed<number> {
  const text = cellText(value).replace(/%$/, '').trim();
  const n = typeof value === 'number' ? value : Number(text);
  if (!/^\d+(\.\d{1,2})?$/.test(typeof value === 'number' ? String(value) : text) || !Number.isFinite(n) || n < 0 || n > 100) {
    return { ok: false, code: 'PERCENT_INVALID', message: '議決権比率は0から100までの数（小数は2桁まで）で入力してください' };
  }
  return { ok: true, value: n };
}

const overlaps = (a: { startOn: string | null; endOn: string | null }, b: { startOn: string | null; endOn: string | null }): boolean =>
  (a.startOn === null || b.endOn === null || a.startOn <= b.endOn) && (b.startOn === null || a.endOn === null || b.startOn <= a.endOn);

/**
 * Rows of a company-relations file, checked as POST /company-relations checks a body, with
 * the file's earlier rows taken as already written: both companies are registered (by
 * 法人番号 or EDINET code), a company has one controlling parent in any period, and no row
 * closes a cycle among the relations that still hold.
 */
class RelationRows implements RowChecker<StagedRecord> {
  private readonly controlling = new Map<string, (KnownRelation & { parentName: string })[]>();
  private readonly below = new Map<string, Set<string>>();

  constructor(
    private readonly companies: CompanyDirectory,
    relations: (KnownRelation & { parentName: string })[],
    private readonly today: string,
  ) {
    for (const r of relations) this.remember(r);
  }

  check(row: number, values: RowValues): Checked {
    const cells = new Cells(COMPANY_RELATIONS_IMPORT, row, values);
    const parent = cells.read('parent', (v) => (blank(v) ? missing() : this.companies.find(v)));
    const child = cells.read('child', (v) => (blank(v) ? missing() : this.companies.find(v)));
    const kind = cells.read('kind', (v) => kinds.read(v)) as RelationKind | null;
    const votingShare = cells.optional('votingShare', percent);
    const startOn = cells.optional('startOn', calendarDate);
    const endOn = cells.optional('endOn', calendarDate);
    const source = cells.optional('source', textUpTo(200));
    const confidence = blank(values.confidence) ? 'medium' : cells.read('confidence', (v) => confidences.read(v));
    if (startOn && endOn && endOn < startOn) cells.fail('endOn', 'END_BEFORE_START', '終了日は開始日より後にしてください');
    if (parent && child && kind && !cells.errors.length) this.rules(cells, parent, child, kind, startOn, endOn);
    if (cells.errors.length) return { staged: null, errors: cells.errors };
    const relation = { parentId: parent!.id, childId: child!.id, controlling: CONTROLLING_KINDS.includes(kind!), startOn, endOn, parentName: parent!.name };
    this.remember(relation);
    return {
      staged: { rowNumber: row, record: { parentId: parent!.id, childId: child!.id, kind, votingShare, startOn, endOn, source, confidence } },
      errors: [],
    };
  }

  private rules(cells: Cells, parent: KnownCompany, child: KnownCompany, kind: RelationKind, startOn: string | null, endOn: string | null): void {
    if (parent.id === child.id) {
      cells.fail('child', 'RELATION_CYCLE', '親会社と子会社が同じ企業です');
      return;
    }
    if (CONTROLLING_KINDS.includes(kind)) {
      const other = (this.controlling.get(child.id) ?? []).find((r) => overlaps(r, { startOn, endOn }));
      if (other) {
        cells.fail('child', 'SECOND_CONTROLLING_PARENT', `「${child.name}」には同じ期間にすでに親会社「${other.parentName}」があります。親会社は一社だけです`);
        return;
      }
    }
    if ((endOn === null || endOn >= this.today) && this.reaches(child.id, parent.id)) {
      cells.fail('parent', 'RELATION_CYCLE', `「${parent.name}」はすでに「${child.name}」の下にあるため、この関係は循環します`);
    }
  }

  /** Whether `to` lies below `from` along relations that still hold. */
  private reaches(from: string, to: string): boolean {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === to) return true;
      for (const child of this.below.get(next) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return false;
  }

  private remember(r: KnownRelation & { parentName: string }): void {
    if (r.controlling) this.controlling.set(r.childId, [...(this.controlling.get(r.childId) ?? []), r]);
    if (r.endOn === null || r.endOn >= this.today) {
      if (!this.below.has(r.parentId)) this.below.set(r.parentId, new Set());
      this.below.get(r.parentId)!.add(r.childId);
    }
  }
}

const missing = (): Parsed<never> => ({ ok: false, code: 'VALUE_MISSING', message: '法人番号またはEDINETコードを入力してください' });

async function loadRelations(db: DataSource): Promise<(KnownRelation & { parentName: string })[]> {
  return query(
    db,
    sql`SELECT r.parent_id AS "parentId", r.child_id AS "childId", r.kind = ANY(${CONTROLLING_KINDS}::text[]) AS controlling,
               to_char(r.start_on, 'YYYY-MM-DD') AS "startOn", to_char(r.end_on, 'YYYY-MM-DD') AS "endOn", p.name AS "parentName"
          FROM company_relations r JOIN companies p ON p.id = r.parent_id`,
  );
}

/** 企業間の関係: relations between registered companies, named by 法人番号 or EDINET code. */
export const COMPANY_RELATIONS_IMPORT: ImportKind<StagedRecord> = {
  name: 'company-relations',
  title: '企業間の関係',
  importers: ['admin', 'regional', 'federation'],
  columns: [
    {
      field: 'parent',
      header: '親会社',
      required: true,
      example: '7000012050002',
      help: '親会社の法人番号（13桁）またはEDINETコード。企業の取込で先に登録してください',
    },
    { field: 'child', header: '子会社・関係会社', required: true, example: 'E02144', help: '子会社・関係会社の法人番号またはEDINETコード' },
    {
      field: 'kind',
      header: '関係',
      required: true,
      list: kinds,
      example: '連結子会社',
      help: '有価証券報告書「関係会社の状況」の区分。親会社（支配関係）は一社だけ',
    },
    { field: 'votingShare', header: '議決権比率', required: false, example: 100, help: '議決権の所有割合（%）。0〜100' },
    { field: 'startOn', header: '開始日', required: false, example: '2020-04-01', help: '2020-04-01、2020/4/1、令和2年4月1日 のいずれかの形' },
    { field: 'endOn', header: '終了日', required: false, example: '', help: '関係が終わった日。続いているときは空欄' },
    { field: 'source', header: '出典', required: false, example: '有価証券報告書（2025年3月期）', help: '200文字まで' },
    { field: 'confidence', header: '確度', required: false, list: confidences, example: '高', help: '高・中・低。省略すると「中」' },
  ],
  writes: 'records',
  checker: async ({ db, today }) => new RelationRows(await CompanyDirectory.load(db), await loadRelations(db), today),
  staging: recordStaging,
  summary: countRows,
  committer: CompanyRelationsCommit,
};
