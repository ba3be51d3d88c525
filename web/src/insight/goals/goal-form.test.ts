import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../platform/api/client';
import { changedFields } from '../../platform/forms/stale-changes';
import {
  GOAL_FIELDS,
  addMilestone,
  allocationDifferenceJa,
  changeMilestone,
  countOf,
  milestonePath,
  emptyGoalForm,
  goalBody,
  goalFormOf,
  goalValues,
  removeMilestone,
} from './goal-form';

const goal: Schemas['GoalDto'] = {
  id: 'g1',
  name: '40万連合神奈川',
  targetMembers: 400_000,
  targetOn: '2027-03-31',
  baselineOn: '2024-04-01',
  scope: { federationId: null, regionalCouncilId: null },
  parentGoalId: null,
  milestones: [
    { name: '第Ⅱ期', dueOn: '2026-09-30', targetMembers: 340_000 },
    { name: '第Ⅰ期', dueOn: '2025-09-30', targetMembers: 320_000 },
  ],
  version: 3,
  createdAt: '2024-04-01T00:00:00Z',
  updatedAt: '2024-04-01T00:00:00Z',
};

describe('milestone rows', () => {
  it('adds a row at the goal’s deadline, edits and removes rows by key, the others untouched', () => {
    const form = goalFormOf(goal);
    const added = addMilestone(form.milestones, form.targetOn);
    expect(added).toHaveLength(3);
    expect(added[2]).toEqual({ key: 3, name: '', dueOn: '2027-03-31', targetMembers: '' });
    const edited = changeMilestone(added, 3, { name: '最終', targetMembers: '400,000' });
    expect(edited[2]).toMatchObject({ name: '最終', targetMembers: '400,000' });
    expect(edited[0]).toBe(added[0]);
    const removed = removeMilestone(edited, 1);
    expect(removed.map((r) => r.key)).toEqual([2, 3]);
    // a key is never reused, so a removed row's input never turns up in a new one
    expect(addMilestone(removed, '2027-03-31').at(-1)?.key).toBe(4);
    expect(addMilestone([], '2027-03-31')[0].key).toBe(1);
  });

  it('sends milestones in date order, counts as numbers (full-width and commas too), scope only when chosen', () => {
    const form = { ...goalFormOf(goal), targetMembers: '４００，０００' };
    const body = goalBody({ ...form, milestones: changeMilestone(form.milestones, 2, { targetMembers: '３２０,０００' }) });
    expect(body.targetMembers).toBe(400_000);
    expect(body.milestones.map((m) => m.name)).toEqual(['第Ⅰ期', '第Ⅱ期']);
    expect(body.milestones[0].targetMembers).toBe(320_000);
    expect(body.scope).toEqual({});
    expect(body).not.toHaveProperty('parentGoalId');
    expect(goalBody({ ...emptyGoalForm('2026-04-01'), federationId: 'f', parentGoalId: 'p' })).toMatchObject({
      scope: { federationId: 'f' },
      parentGoalId: 'p',
    });
    // the API names a row by where it was sent
    expect(milestonePath(form.milestones, 1, 'dueOn')).toBe('milestones[1].dueOn');
    expect(milestonePath(form.milestones, 2, 'dueOn')).toBe('milestones[0].dueOn');
    // what is not a count goes as typed, for the API to name the field
    expect(countOf('12千')).toBe('12千');
  });
});

describe('allocation difference in words', () => {
  it('says how far the children’s sum is from the target, the Japanese way', () => {
    expect(allocationDifferenceJa(-1200)).toBe('配分の合計が目標より 1,200人 少ない');
    expect(allocationDifferenceJa(35_000)).toBe('配分の合計が目標より 35,000人 多い');
    expect(allocationDifferenceJa(0)).toBe('配分の合計は目標と一致しています');
  });
});

describe('what changed under a stale goal edit', () => {
  it('names the goal’s fields that differ, milestones included', () => {
    const current = { ...goal, targetMembers: 410_000, milestones: [goal.milestones[0], { ...goal.milestones[1], targetMembers: 321_000 }] };
    expect(changedFields(GOAL_FIELDS, goalValues(goal), goalValues(current))).toEqual(['targetMembers', 'milestones']);
    expect(changedFields(GOAL_FIELDS, goalValues(goal), goalValues({ ...goal, version: 4 }))).toEqual([]);
  });
});
