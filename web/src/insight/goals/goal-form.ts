import type { Schemas } from '../../platform/api/client';
import { formatNumber } from '../../platform/format/format';

type Goal = Schemas['GoalDto'];
type GoalBody = Schemas['CreateGoalDto'];

/** A milestone as the form edits it: the count as typed, and a key that stays with the row. */
export interface MilestoneRow {
  key: number;
  name: string;
  dueOn: string;
  targetMembers: string;
}

/** A goal as the form edits it (counts as typed). */
export interface GoalForm {
  name: string;
  targetMembers: string;
  baselineOn: string;
  targetOn: string;
  federationId: string;
  regionalCouncilId: string;
  parentGoalId: string;
  milestones: MilestoneRow[];
}

/** The fields of a goal a person edits, with the names the form shows. */
export const GOAL_FIELDS = {
  name: '目標名',
  targetMembers: '目標人数',
  baselineOn: '基準日',
  targetOn: '期限',
  scope: '対象',
  parentGoalId: '配分元の目標',
  milestones: 'マイルストーン',
} as const;

export type GoalField = keyof typeof GOAL_FIELDS;

/** A goal's values by the form's fields, to see what someone else changed. */
export const goalValues = (goal: Goal): Record<GoalField, unknown> => ({
  name: goal.name,
  targetMembers: goal.targetMembers,
  baselineOn: goal.baselineOn,
  targetOn: goal.targetOn,
  scope: [goal.scope.federationId, goal.scope.regionalCouncilId],
  parentGoalId: goal.parentGoalId,
  milestones: goal.milestones.map((m) => [m.name, m.dueOn, m.targetMembers]),
});

const nextKey = (rows: readonly MilestoneRow[]): number => rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;

export function emptyGoalForm(today: string): GoalForm {
  return { name: '', targetMembers: '', baselineOn: today, targetOn: '', federationId: '', regionalCouncilId: '', parentGoalId: '', milestones: [] };
}

export function goalFormOf(goal: Goal): GoalForm {
  return {
    name: goal.name,
    targetMembers: String(goal.targetMembers),
    baselineOn: goal.baselineOn,
    targetOn: goal.targetOn,
    federationId: goal.scope.federationId ?? '',
    regionalCouncilId: goal.scope.regionalCouncilId ?? '',
    parentGoalId: goal.parentGoalId ?? '',
    milestones: goal.milestones.map((m, i) => ({ key: i + 1, name: m.name, dueOn: m.dueOn, targetMembers: String(m.targetMembers) })),
  };
}

/** A new, empty row at the end; its date starts at the goal's deadline. */
export function addMilestone(rows: readonly MilestoneRow[], targetOn: string): MilestoneRow[] {
  return [...rows, { key: nextKey(rows), name: '', dueOn: targetOn, targetMembers: '' }];
}

export function changeMilestone(rows: readonly MilestoneRow[], key: number, change: Partial<Omit<MilestoneRow, 'key'>>): MilestoneRow[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

export function removeMilestone(rows: readonly MilestoneRow[], key: number): MilestoneRow[] {
  return rows.filter((row) => row.key !== key);
}

/**
 * A count as typed, as the API takes it: full-width digits and thousands separators are
 * fine (「１２,０００」 is 12000); anything else is sent as it is, for the API to name.
 */
export function countOf(typed: string): number | string {
  const plain = typed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  return /^\d+$/.test(plain) ? Number(plain) : typed;
}

/** The rows in the order they are sent (by date; rows without one last, as typed). */
export function sentOrder(rows: readonly MilestoneRow[]): MilestoneRow[] {
  return [...rows].sort((a, b) => (a.dueOn || '9999').localeCompare(b.dueOn || '9999'));
}

/** Where the API finds a row's field in the body it was sent (`milestones[1].dueOn`). */
export function milestonePath(rows: readonly MilestoneRow[], key: number, field: string): string {
  return `milestones[${sentOrder(rows).findIndex((row) => row.key === key)}].${field}`;
}

/** The body for POST /goals or PATCH /goals/:id; milestones in date order. */
export function goalBody(form: GoalForm): GoalBody {
  const scope = {
    ...(form.federationId ? { federationId: form.federationId } : {}),
    ...(form.regionalCouncilId ? { regionalCouncilId: form.regionalCouncilId } : {}),
  };
  const milestones = sentOrder(form.milestones).map((m) => ({ name: m.name.trim(), dueOn: m.dueOn, targetMembers: countOf(m.targetMembers) as number }));
  return {
    name: form.name.trim(),
    targetMembers: countOf(form.targetMembers) as number,
    baselineOn: form.baselineOn,
    targetOn: form.targetOn,
    scope,
    ...(form.parentGoalId ? { parentGoalId: form.parentGoalId } : {}),
    milestones,
  };
}

/**
 * How the child goals' targets stand against the parent's, in words. `difference` is the
 * API's: the children's sum minus the parent's target.
 */
export function allocationDifferenceJa(difference: number): string {
  if (difference === 0) return '配分の合計は目標と一致しています';
  const amount = `${formatNumber(Math.abs(difference))}人`;
  return difference < 0 ? `配分の合計が目標より ${amount} 少ない` : `配分の合計が目標より ${amount} 多い`;
}
