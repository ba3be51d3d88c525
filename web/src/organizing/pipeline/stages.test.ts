import { describe, expect, it } from 'vitest';
import { allowedNextStages, daysInStage, decideMove, groupByStage, type Stage } from './stages';

const ja: Record<Stage, string> = {
  identified: '候補把握',
  contacted: '接触',
  engaged: '相談・関係づくり',
  committee: '結成準備会',
  founded: '結成',
  affiliated: '加盟',
  on_hold: '保留',
  lost: '断念',
};
const label = (s: Stage) => ja[s];
const at = (stage: Stage, heldFromStage: Stage | null = null) => ({ stage, heldFromStage });

describe('the stage moves the API allows', () => {
  it('goes one step forward or back, to 保留 or 断念, never further', () => {
    expect(allowedNextStages(at('contacted'))).toEqual(['identified', 'engaged', 'on_hold', 'lost']);
    expect(allowedNextStages(at('identified'))).toEqual(['contacted', 'on_hold', 'lost']);
  });

  it('reaches 加盟 only from 結成, through the affiliation form', () => {
    expect(decideMove(at('founded'), 'affiliated', label)).toEqual({ allowed: true, via: 'affiliate' });
    const refused = decideMove(at('committee'), 'affiliated', label);
    expect(refused).toEqual({ allowed: false, reason: expect.stringContaining('「加盟」には「結成」からだけ') });
  });

  it('says in Japanese why a jump is refused', () => {
    expect(decideMove(at('identified'), 'engaged', label)).toEqual({
      allowed: false,
      reason: 'ステージは1段階ずつしか動かせません。「候補把握」から「相談・関係づくり」へは2段階です。',
    });
  });

  it('returns from 保留 to where it was paused or earlier', () => {
    expect(allowedNextStages(at('on_hold', 'engaged'))).toEqual(['identified', 'contacted', 'engaged', 'lost']);
    expect(decideMove(at('on_hold', 'engaged'), 'committee', label)).toMatchObject({ allowed: false, reason: expect.stringContaining('相談・関係づくり') });
  });

  it('moves nothing out of 加盟 or 断念 (a reopen by council staff)', () => {
    expect(allowedNextStages(at('lost'))).toEqual([]);
    expect(allowedNextStages(at('affiliated'))).toEqual([]);
  });
});

describe('days in stage', () => {
  it('counts Japan calendar days since the move', () => {
    // 2026-05-31 23:30 UTC is already 2026-06-01 in Japan
    expect(daysInStage('2026-05-31T23:30:00Z', '2026-06-01')).toBe(0);
    expect(daysInStage('2026-05-31T14:00:00Z', '2026-06-10')).toBe(10);
    expect(daysInStage('2026-06-02T00:00:00+09:00', '2026-06-01')).toBe(0);
  });
});

describe('grouping by stage', () => {
  it('keeps path order and empty stages', () => {
    const groups = groupByStage([
      { id: 'a', stage: 'lost' },
      { id: 'b', stage: 'contacted' },
      { id: 'c', stage: 'contacted' },
    ]);
    expect(groups.map((g) => [g.stage, g.items.map((i) => i.id)])).toEqual([
      ['identified', []],
      ['contacted', ['b', 'c']],
      ['engaged', []],
      ['committee', []],
      ['founded', []],
      ['affiliated', []],
      ['on_hold', []],
      ['lost', ['a']],
    ]);
  });
});
