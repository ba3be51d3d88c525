import { describe, expect, it } from 'vitest';
import { changeLines, detailLines, fieldLabel, showValue, type ValueNames } from './audit-changes';
import { targetRecord } from './audit-target';
import { ACTION_NAMES, actionChoices } from './audit-words';

const LABELS: Record<string, Record<string, string>> = {
  roles: { admin: 'システム管理者', federation: '構成組織(産別)', regional: '地域連合' },
  stages: { contacted: '接触', engaged: '関係構築' },
  unionKinds: { enterprise: '企業別組合' },
  visitKinds: { visit: '訪問' },
  supportLevels: { '2': '支持' },
  unionStatuses: { active: '活動中' },
};
const names: ValueNames = {
  label: (list, code) => LABELS[list]?.[code] ?? code,
  council: (id) => ({ c1: '横浜地域連合' })[id],
  federation: (id) => ({ f1: 'UAゼンセン', f2: '自動車総連' })[id],
  sector: (code) => ({ sec4: '流通' })[code],
  user: (id) => ({ u1: 'オルガナイザー 花子' })[id],
};
const FIELDS = { user: { displayName: '表示名', role: '役割', regionalCouncilId: '地域連合', federationId: '構成組織' }, union: { kind: '種別' } };

describe('変更内容 of an audited event', () => {
  it('says each changed field by its screen’s name, before → after, with names for ids and codes', () => {
    const lines = changeLines(
      { targetType: 'user', changes: { federationId: ['f1', 'f2'], role: ['regional', 'federation'], regionalCouncilId: ['c1', null] } },
      FIELDS,
      names,
    );
    // in the order the screen shows the fields
    expect(lines).toEqual([
      { field: 'role', label: '役割', before: '地域連合', after: '構成組織(産別)' },
      { field: 'regionalCouncilId', label: '地域連合', before: '横浜地域連合', after: 'なし' },
      { field: 'federationId', label: '構成組織', before: 'UAゼンセン', after: '自動車総連' },
    ]);
  });

  it('has no “before” for a field a record was created with, and falls back to the key for a field it does not know', () => {
    expect(changeLines({ targetType: 'goal', changes: { targetMembers: [null, 400000], cadence: ['a', 'b'] } }, FIELDS, names)).toEqual([
      { field: 'targetMembers', label: 'targetMembers', before: null, after: '400,000' },
      { field: 'cadence', label: 'cadence', before: 'a', after: 'b' },
    ]);
  });

  it('reads a field by the kind of record it belongs to', () => {
    expect(showValue('union', 'kind', 'enterprise', names)).toBe('企業別組合');
    expect(showValue('visit', 'kind', 'visit', names)).toBe('訪問');
    expect(showValue('visit', 'supportLevel', 2, names)).toBe('支持');
    expect(showValue('prospect', 'assignedOrganizerIds', ['u1', 'u9'], names)).toBe('オルガナイザー 花子、u9');
    expect(showValue('prospect', 'assignedOrganizerIds', [], names)).toBe('なし');
    expect(showValue('prospect', 'sectorCode', 'sec4', names)).toBe('流通');
    expect(fieldLabel(FIELDS, 'union', 'kind')).toBe('種別');
    expect(fieldLabel(FIELDS, 'import', 'kind')).toBe('種類');
  });

  it('writes dates, months, moments and numbers the Japanese way', () => {
    expect(showValue('prospect', 'nextActionOn', '2026-04-01', names)).toBe('2026年4月1日');
    expect(showValue('period', 'month', '2026-03', names)).toBe('2026年3月');
    expect(showValue('prospect', 'stageChangedAt', '2026-04-01T00:30:00.000Z', names)).toBe('2026/04/01 09:30');
    expect(showValue('prospect', 'estimatedWorkers', 1200, names)).toBe('1,200');
    expect(showValue('x', 'flag', true, names)).toBe('はい');
  });

  it('says what a download was: its list, format, rows and filters, by name', () => {
    const event = {
      targetType: 'export',
      details: { route: '/unions', file: 'unions', format: 'xlsx', filters: { q: '横浜', status: 'active', federationId: 'f1' }, rows: 12 },
      reason: null,
    };
    expect(detailLines(event, names)).toEqual(['出力した一覧: /unions', '形式: Excel', '行数: 12', '条件: 検索語 横浜・状態 活動中・構成組織 UAゼンセン']);
    // in that order, however the service keeps them
    expect(detailLines({ ...event, details: { rows: 3, route: '/users', filters: {}, format: 'csv' } }, names)).toEqual([
      '出力した一覧: /users',
      '形式: CSV',
      '行数: 3',
      '条件: なし',
    ]);
    expect(detailLines({ targetType: 'import', details: { fileName: 'a.xlsx', sha256: 'ff' }, reason: '重複' }, names)).toEqual([
      'ファイル名: a.xlsx',
      '理由: 重複',
    ]);
  });
});

describe('「対象」 of an audited event', () => {
  const event = { targetType: 'user', targetId: 'u1', changes: {}, details: {} };
  it('links a user, a union and a workplace to their pages; a sign-in to the account; a ledger entry to its union', () => {
    expect(targetRecord(event)?.href).toBe('/admin/users/u1');
    expect(targetRecord({ ...event, targetType: 'session' })?.href).toBe('/admin/users/u1');
    expect(targetRecord({ ...event, targetType: 'union', targetId: 'n1' })?.href).toBe('/members?union=n1');
    expect(targetRecord({ ...event, targetType: 'prospect', targetId: 'p1' })?.href).toBe('/prospects/p1');
    expect(targetRecord({ ...event, targetType: 'membership_change', targetId: 'm1', details: { unionId: 'n2' } })?.href).toBe('/members?union=n2');
    expect(targetRecord({ ...event, targetType: 'visit', targetId: 'v1', changes: { prospectId: [null, 'p2'] } })?.href).toBe('/prospects/p2');
  });

  it('links nothing else, and nothing without an id', () => {
    expect(targetRecord({ ...event, targetType: 'export', targetId: null })).toBeUndefined();
    expect(targetRecord({ ...event, targetType: 'goal', targetId: 'g1' })).toBeUndefined();
    expect(targetRecord({ ...event, targetId: null })).toBeUndefined();
  });
});

describe('「操作」 choices', () => {
  it('offer every action by its Japanese name, grouped by the kind of record', () => {
    const groups = actionChoices();
    expect(groups.flatMap((g) => g.items.map((i) => i.value)).sort()).toEqual(Object.keys(ACTION_NAMES).sort());
    expect(groups.find((g) => g.group === 'ユーザー')?.items).toContainEqual({ value: 'user.role_changed', label: '役割・担当範囲の変更' });
    expect(groups.find((g) => g.group === 'ファイル出力')?.items).toEqual([{ value: 'export.downloaded', label: '出力・ダウンロード' }]);
  });
});
