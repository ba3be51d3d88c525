import { formatDate, formatMonth, formatNumber, formatTimestamp } from '../format/format';
import type { LabelList } from '../labels/labels';
import { ACTION_NAMES, COMMON_FIELDS, HIDDEN_DETAILS, type AuditAction, type AuditEvent } from './audit-words';

/** Each kind of record's fields by the names its screens show (`{ user: { role: '役割' } }`). */
export type FieldLabels = Readonly<Partial<Record<string, Readonly<Record<string, string>>>>>;

/** What turns ids and codes into names: the labels from /labels, and the names of what the console has loaded. */
export interface ValueNames {
  label: (list: LabelList, code: string) => string;
  council: (id: string) => string | undefined;
  federation: (id: string) => string | undefined;
  sector: (code: string) => string | undefined;
  user: (id: string) => string | undefined;
}

/** One line of 「変更内容」: a field, how it was and how it is (before null: the record was created with it). */
export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

/** Fields whose value is a code of a /labels list; `<type>.<field>` where the same name means different things. */
const CODE_LISTS: Readonly<Record<string, LabelList>> = {
  role: 'roles',
  stage: 'stages',
  heldFromStage: 'stages',
  fromStage: 'stages',
  toStage: 'stages',
  source: 'prospectSources',
  status: 'unionStatuses',
  outcome: 'visitOutcomes',
  supportLevel: 'supportLevels',
  cause: 'causes',
  employmentType: 'employmentTypes',
  gender: 'genders',
  channel: 'consultationChannels',
  topics: 'consultationTopics',
  'union.kind': 'unionKinds',
  'visit.kind': 'visitKinds',
};

const COUNCIL_FIELDS = new Set(['regionalCouncilId']);
const FEDERATION_FIELDS = new Set(['federationId', 'targetFederationId']);
const USER_FIELDS = new Set(['organizerId', 'assignedOrganizerIds', 'actorId', 'createdBy', 'updatedBy']);
const FORMATS: Readonly<Record<string, string>> = { xlsx: 'Excel', csv: 'CSV' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NOTHING = 'なし';

/** The name of a field of a kind of record: its screen's, else a shared one, else the key itself. */
export function fieldLabel(fields: FieldLabels, targetType: string, field: string): string {
  return fields[targetType]?.[field] ?? COMMON_FIELDS[field] ?? field;
}

/** A value as a person reads it: names for ids and codes, Japanese dates and numbers, 「なし」 for nothing. */
export function showValue(targetType: string, field: string, value: unknown, names: ValueNames): string {
  if (value === null || value === undefined || value === '') return NOTHING;
  if (Array.isArray(value)) return value.length ? value.map((one) => showValue(targetType, field, one, names)).join('、') : NOTHING;
  const list = CODE_LISTS[`${targetType}.${field}`] ?? CODE_LISTS[field];
  if (list && (typeof value === 'string' || typeof value === 'number')) return names.label(list, String(value));
  if (typeof value === 'string') {
    if (COUNCIL_FIELDS.has(field)) return names.council(value) ?? value;
    if (FEDERATION_FIELDS.has(field)) return names.federation(value) ?? value;
    if (field === 'sectorCode') return names.sector(value) ?? value;
    if (USER_FIELDS.has(field)) return names.user(value) ?? value;
    if (field === 'format') return FORMATS[value] ?? value;
    if (field === 'action') return ACTION_NAMES[value as AuditAction] ?? value;
    if (DATE.test(value)) return formatDate(value);
    if (MONTH.test(value)) return formatMonth(value);
    if (INSTANT.test(value)) return formatTimestamp(value);
    return value;
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length ? entries.map(([key, one]) => `${fieldLabel({}, targetType, key)} ${showValue(targetType, key, one, names)}`).join('・') : NOTHING;
}

/** 「変更内容」: every changed field, in the order its screen shows them (others after, as recorded). */
export function changeLines(event: Pick<AuditEvent, 'targetType' | 'changes'>, fields: FieldLabels, names: ValueNames): ChangeLine[] {
  const order = Object.keys(fields[event.targetType] ?? {});
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return Object.entries(event.changes)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, [before, after]]) => ({
      field,
      label: fieldLabel(fields, event.targetType, field),
      before: before === null || before === undefined ? null : showValue(event.targetType, field, before, names),
      after: showValue(event.targetType, field, after, names),
    }));
}

const DETAIL_ORDER = Object.keys(COMMON_FIELDS);
const detailRank = (key: string) => (DETAIL_ORDER.includes(key) ? DETAIL_ORDER.indexOf(key) : DETAIL_ORDER.length);

/** What else the event says (a download's list, format, rows and filters; an import's file and counts), each as 「名前: 値」. */
export function detailLines(event: Pick<AuditEvent, 'targetType' | 'details' | 'reason'>, names: ValueNames): string[] {
  const lines = Object.entries(event.details)
    .filter(([key]) => !HIDDEN_DETAILS.includes(key) && !HIDDEN_DETAILS.includes(`${event.targetType}.${key}`))
    .sort(([a], [b]) => detailRank(a) - detailRank(b))
    .map(([key, value]) => `${fieldLabel({}, event.targetType, key)}: ${showValue(event.targetType, key, value, names)}`);
  return event.reason ? [...lines, `理由: ${event.reason}`] : lines;
}
