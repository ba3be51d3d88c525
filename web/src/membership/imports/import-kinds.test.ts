import { describe, expect, it } from 'vitest';
import { IMPORT_STATES, isReversible, isWorking, kindLabel, kindsFor, stateLabel, summaryLine, writesLedger, writtenLine } from './import-kinds';

describe('stateLabel', () => {
  it('names every state in Japanese', () => {
    expect(IMPORT_STATES.map((s) => stateLabel(s))).toEqual(['検証待ち', '検証中', '検証済み(取込可)', '読み取れず', '取り込み中', '取込済み', '取り込めず']);
  });

  it('says a checked file with problems has them', () => {
    expect(stateLabel('checked', { errorCount: 2 })).toBe('誤りあり');
  });

  it('says a reversed import is reversed, whatever it was', () => {
    expect(stateLabel('committed', { reversed: true })).toBe('取消済み');
  });
});

describe('isWorking', () => {
  it('is true only while the worker checks or commits', () => {
    expect(IMPORT_STATES.filter(isWorking)).toEqual(['queued', 'checking', 'committing']);
  });
});

describe('kindLabel', () => {
  it('names the kinds as union offices do', () => {
    expect(['membership-changes', 'membership-survey', 'unions', 'prospects'].map(kindLabel)).toEqual([
      '組合員の増減',
      '年次組合員数調査',
      '組合',
      '事業所(組織化対象)',
    ]);
  });
});

describe('summaryLine', () => {
  it('sums up a file of changes', () => {
    expect(summaryLine('membership-changes', { rows: 40, unions: 12, increase: 1230, decrease: 8, net: 1222 })).toBe(
      '12組合・増 1,230人・減 8人・差引 +1,222人',
    );
    expect(summaryLine('membership-changes', { rows: 2, unions: 1, increase: 0, decrease: 5, net: -5 })).toBe('1組合・増 0人・減 5人・差引 -5人');
  });

  it('sums up a survey file', () => {
    expect(summaryLine('membership-survey', { rows: 30, surveys: 3, members: 2450 })).toBe('3組合の調査・計 2,450人');
  });

  it('counts the new unions and prospects of a structure file', () => {
    expect(summaryLine('unions', { rows: 1200 })).toBe('新しい組合 1,200件');
    expect(summaryLine('companies', { rows: 45 })).toBe('企業(新規・更新) 45件');
    expect(summaryLine('company-relations', { rows: 1234 })).toBe('企業間の関係 1,234件');
    expect(summaryLine('prospects', { rows: 3 })).toBe('新しい事業所(組織化対象) 3件');
    expect(summaryLine('governance-compositions', { rows: 12 })).toBe('機関の構成 12件');
  });

  it('says nothing before the check', () => {
    expect(summaryLine('membership-changes', null)).toBeUndefined();
  });
});

describe('isReversible', () => {
  it('offers 取消 only for a committed file of changes not yet taken back', () => {
    expect(isReversible({ kind: 'membership-changes', state: 'committed', reversedAt: null })).toBe(true);
    expect(isReversible({ kind: 'membership-changes', state: 'committed', reversedAt: '2026-04-02T00:00:00Z' })).toBe(false);
    expect(isReversible({ kind: 'membership-changes', state: 'checked', reversedAt: null })).toBe(false);
    expect(isReversible({ kind: 'membership-survey', state: 'committed', reversedAt: null })).toBe(false);
  });
});

describe('structure kinds', () => {
  it('writes the ledger only for changes and surveys', () => {
    expect(['membership-changes', 'membership-survey', 'unions', 'prospects'].map(writesLedger)).toEqual([true, true, false, false]);
  });

  it('says what a commit wrote in the kind’s words', () => {
    expect(writtenLine('membership-changes', 1234)).toBe('1,234件を台帳に書き込みました');
    expect(writtenLine('unions', 3)).toBe('3件の組合を登録しました');
    expect(writtenLine('companies', 12)).toBe('12件の企業を登録しました');
    expect(writtenLine('company-relations', 5)).toBe('5件の企業間の関係を登録しました');
    expect(writtenLine('prospects', 2)).toBe('2件の事業所(組織化対象)を登録しました');
    expect(writtenLine('governance-compositions', 5)).toBe('5件の機関の構成を記録しました');
  });

  it('offers each role the kinds the API lets it import', () => {
    expect(kindsFor('federation').map((k) => k.value)).toEqual([
      'membership-changes',
      'membership-survey',
      'unions',
      'companies',
      'company-relations',
      'governance-compositions',
    ]);
    expect(kindsFor('admin').map((k) => k.value)).toEqual([
      'membership-changes',
      'membership-survey',
      'unions',
      'prospects',
      'companies',
      'company-relations',
      'governance-compositions',
    ]);
    expect(kindsFor('regional').map((k) => k.value)).toEqual(['unions', 'prospects', 'companies', 'company-relations', 'governance-compositions']);
    expect(kindsFor('leadership')).toEqual([]);
    expect(kindsFor('organizer')).toEqual([]);
  });

  it('never offers 取消 for unions or prospects', () => {
    expect(isReversible({ kind: 'unions', state: 'committed', reversedAt: null })).toBe(false);
    expect(isReversible({ kind: 'prospects', state: 'committed', reversedAt: null })).toBe(false);
  });
});
