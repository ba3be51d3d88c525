import { formatNumber } from '../../platform/format/format';

/** What a file holds: the API's kind codes and their names on screen. */
export const IMPORT_KINDS = [
  { value: 'membership-changes', label: '組合員の増減' },
  { value: 'membership-survey', label: '年次組合員数調査' },
  { value: 'unions', label: '組合' },
  { value: 'prospects', label: '事業所(組織化対象)' },
  { value: 'companies', label: '企業' },
  { value: 'company-relations', label: '企業間の関係' },
  { value: 'governance-compositions', label: '機関の男女別構成' },
] as const;

export type ImportKind = (typeof IMPORT_KINDS)[number]['value'];

/** The kinds that write the membership ledger; the others register unions or prospects. */
export function writesLedger(kind: string): boolean {
  return kind === 'membership-changes' || kind === 'membership-survey';
}

/**
 * Who may upload each kind, as the API decides it (src/membership/imports/import-access.ts;
 * test/membership/imports-access-parity.spec.ts holds the two equal):
 * the roles of the endpoint behind the kind. Federations keep membership figures and their
 * unions; council staff their council's unions and prospects.
 */
export const IMPORTERS: Record<ImportKind, readonly string[]> = {
  'membership-changes': ['admin', 'federation'],
  'membership-survey': ['admin', 'federation'],
  unions: ['admin', 'regional', 'federation'],
  prospects: ['admin', 'regional'],
  companies: ['admin', 'regional', 'federation'],
  'company-relations': ['admin', 'regional', 'federation'],
  'governance-compositions': ['admin', 'regional', 'federation'],
};

/** The kinds a role may upload, in the list's order. */
export function kindsFor(role: string): (typeof IMPORT_KINDS)[number][] {
  return IMPORT_KINDS.filter((k) => IMPORTERS[k.value].includes(role));
}

/** What a committed file wrote, in a sentence's words: 「12件を台帳に書き込みました」「3件の組合を登録しました」. */
export function writtenLine(kind: string, count: number): string {
  if (kind === 'unions') return `${formatNumber(count)}件の組合を登録しました`;
  if (kind === 'prospects') return `${formatNumber(count)}件の事業所(組織化対象)を登録しました`;
  if (kind === 'companies') return `${formatNumber(count)}件の企業を登録しました`;
  if (kind === 'company-relations') return `${formatNumber(count)}件の企業間の関係を登録しました`;
  if (kind === 'governance-compositions') return `${formatNumber(count)}件の機関の構成を記録しました`;
  return `${formatNumber(count)}件を台帳に書き込みました`;
}

export const IMPORT_STATES = ['queued', 'checking', 'checked', 'rejected', 'committing', 'committed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export function kindLabel(kind: string): string {
  return IMPORT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** The worker is still at it: the screen keeps asking. */
export function isWorking(state: ImportState): boolean {
  return state === 'queued' || state === 'checking' || state === 'committing';
}

/** A committed file of changes can be taken back as a whole; a survey is corrected by the next survey. */
export function isReversible(entry: { kind: string; state: ImportState; reversedAt: string | null }): boolean {
  return entry.kind === 'membership-changes' && entry.state === 'committed' && entry.reversedAt === null;
}

/** An import's state in the words of a union office; a reversed import says so first. */
export function stateLabel(state: ImportState, { errorCount = 0, reversed = false } = {}): string {
  if (reversed) return '取消済み';
  switch (state) {
    case 'queued':
      return '検証待ち';
    case 'checking':
      return '検証中';
    case 'checked':
      return errorCount > 0 ? '誤りあり' : '検証済み(取込可)';
    case 'rejected':
      return '読み取れず';
    case 'committing':
      return '取り込み中';
    case 'committed':
      return '取込済み';
    case 'failed':
      return '取り込めず';
  }
}

/** What a checked file holds, from the import's summary: 「12組合・増 30人・減 8人・差引 +22人」. */
export function summaryLine(kind: string, summary: Record<string, number> | null): string | undefined {
  if (!summary) return undefined;
  if (kind === 'membership-changes' && summary.unions !== undefined) {
    const net = summary.net ?? 0;
    const signed = net > 0 ? `+${formatNumber(net)}` : net === 0 ? '±0' : `-${formatNumber(-net)}`;
    return `${formatNumber(summary.unions)}組合・増 ${formatNumber(summary.increase ?? 0)}人・減 ${formatNumber(summary.decrease ?? 0)}人・差引 ${signed}人`;
  }
  if (kind === 'membership-survey' && summary.surveys !== undefined) {
    return `${formatNumber(summary.surveys)}組合の調査・計 ${formatNumber(summary.members ?? 0)}人`;
  }
  if (kind === 'unions' && summary.rows !== undefined) return `新しい組合 ${formatNumber(summary.rows)}件`;
  if (kind === 'prospects' && summary.rows !== undefined) return `新しい事業所(組織化対象) ${formatNumber(summary.rows)}件`;
  // a company already registered (by 法人番号 or EDINET code) is updated by its row
  if (kind === 'companies' && summary.rows !== undefined) return `企業(新規・更新) ${formatNumber(summary.rows)}件`;
  if (kind === 'company-relations' && summary.rows !== undefined) return `企業間の関係 ${formatNumber(summary.rows)}件`;
  if (kind === 'governance-compositions' && summary.rows !== undefined) return `機関の構成 ${formatNumber(summary.rows)}件`;
  return undefined;
}
