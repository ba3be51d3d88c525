import { describe, expect, it } from 'vitest';
import { breakdownRows, chapterGoal, projectionStatement } from './figures';

const goal = (
  id: string,
  targetMembers: number,
  scope: { federationId: string | null; regionalCouncilId: string | null },
  parentGoalId: string | null = null,
) => ({
  id,
  name: id,
  targetMembers,
  targetOn: '2030-09-30',
  baselineOn: '2024-04-01',
  scope,
  parentGoalId,
  milestones: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe('dashboard figures', () => {
  it('picks the chapter-wide goal', () => {
    const goals = [
      goal('federation', 95000, { federationId: 'f', regionalCouncilId: null }),
      goal('chapter', 400000, { federationId: null, regionalCouncilId: null }),
      goal('child', 1000, { federationId: null, regionalCouncilId: null }, 'chapter'),
    ];
    expect(chapterGoal(goals)?.id).toBe('chapter');
    expect(chapterGoal([])).toBeUndefined();
  });

  it('says where the trend leads', () => {
    expect(projectionStatement({ projectedOn: '2031-03-31', remaining: 1000, monthlyTrend: 12.5, onTrack: false })).toBe(
      '今の傾向が続けば 2031年3月31日 に到達する見込みです。',
    );
    expect(projectionStatement({ projectedOn: null, remaining: 1000, monthlyTrend: -40.2, onTrack: false })).toBe(
      '今の傾向(月平均 -40.2人)では目標に届きません。',
    );
    expect(projectionStatement({ projectedOn: null, remaining: 0, monthlyTrend: 0, onTrack: true })).toBe('目標に到達しています。');
  });

  it('sums a group’s net and keeps its last members', () => {
    const month = (m: string, net: number, members: number) => ({ month: m, increase: 0, decrease: 0, adjustment: 0, net, members });
    const rows = breakdownRows({ groups: [{ key: 'a', label: 'A', months: [month('2026-01', 5, 105), month('2026-02', -2, 103)] }] });
    expect(rows).toEqual([{ key: 'a', label: 'A', members: 103, net: 3 }]);
  });
});
