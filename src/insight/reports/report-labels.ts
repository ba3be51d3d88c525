import { EMPLOYMENT_TYPES, GENDERS } from '../../membership/vocabulary';
import { labelOf } from '../../platform/labels/labels';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from '../../membership/vocabulary';
import { Sql, sql } from '../../platform/database/sql';
import type { RollupReader } from './rollup-reader';
import type { GrowthGroupBy } from './report-query.dto';

export interface GroupLabel {
  label: string;
  /** Sort key: codes for structure, the code list's order for categories. */
  order: string;
}

const NONE: Record<string, string> = {
  federation: '構成組織なし(直加盟・地域ユニオン等)',
  sector: '部門なし',
};

const NAME_QUERIES = {
  federation: (keys: string[]) => sql`SELECT id::text AS key, name AS label, code AS "order" FROM federations WHERE id::text = ANY(${keys})`,
  regionalCouncil: (keys: string[]) => sql`SELECT id::text AS key, name AS label, code AS "order" FROM regional_councils WHERE id::text = ANY(${keys})`,
  sector: (keys: string[]) => sql`SELECT code AS key, name AS label, code AS "order" FROM sectors WHERE code = ANY(${keys})`,
  union: (keys: string[]) => sql`SELECT id::text AS key, name AS label, name || id::text AS "order" FROM unions WHERE id::text = ANY(${keys})`,
} satisfies Partial<Record<GrowthGroupBy, (keys: string[]) => Sql>>;

const position = (list: readonly string[], code: string): string => String(list.indexOf(code)).padStart(3, '0');

/** Japanese labels of report groups, with an order to list them in ('none' last). */
export async function groupLabels(reader: RollupReader, groupBy: GrowthGroupBy, keys: string[]): Promise<Map<string, GroupLabel>> {
  const labels = new Map<string, GroupLabel>();
  switch (groupBy) {
    case 'total':
      for (const key of keys) labels.set(key, { label: '全体', order: key });
      return labels;
    case 'employmentType':
      for (const key of keys) labels.set(key, { label: labelOf(EMPLOYMENT_TYPE_LABELS, key), order: position(EMPLOYMENT_TYPES, key) });
      return labels;
    case 'gender':
      for (const key of keys) labels.set(key, { label: labelOf(GENDER_LABELS, key), order: position(GENDERS, key) });
      return labels;
    case 'federation':
    case 'regionalCouncil':
    case 'sector':
    case 'union': {
      const rows = await reader.names(NAME_QUERIES[groupBy](keys));
      for (const row of rows) labels.set(row.key, { label: row.label, order: row.order });
      for (const key of keys) if (!labels.has(key)) labels.set(key, { label: NONE[groupBy] ?? key, order: `\uffff${key}` });
      return labels;
    }
  }
}

/** Sorts groups by their label order. */
export const byLabelOrder =
  (labels: Map<string, GroupLabel>) =>
  (a: string, b: string): number =>
    (labels.get(a)?.order ?? a).localeCompare(labels.get(b)?.order ?? b);
