import { addMonths, lastDayOf, monthOfDate, monthsBetween } from '../../platform/time/months';

/**
 * The arithmetic of goal progress, pure: it receives a goal, the monthly net changes
 * of the goal's scope (from the rollups) and today's date, and knows nothing else.
 *
 * Conventions (monthly granularity, since the rollups are monthly):
 *  - members at a date = members at the end of that date's month (running sum of net);
 *  - current members = members at the end of the current month (changes already recorded);
 *  - the trend = net of the last 12 complete months (before the current month), per month;
 *  - months left = months from the current month to the target's month.
 */
export type MilestoneStatus = 'met' | 'missed' | 'on_track' | 'at_risk';

export interface Milestone {
  name: string;
  dueOn: string;
  targetMembers: number;
}

export interface GoalTarget {
  targetMembers: number;
  targetOn: string;
  baselineOn: string;
  milestones: Milestone[];
}

export interface MonthlyNet {
  month: string;
  net: number;
}

export interface MilestoneProgress extends Milestone {
  membersAtDue: number | null;
  projectedMembersAtDue: number | null;
  status: MilestoneStatus;
}

export interface Progress {
  baselineMembers: number;
  currentMembers: number;
  targetMembers: number;
  percent: number;
  remaining: number;
  monthsLeft: number;
  requiredMonthlyNet: number;
  trailing12MonthNet: number;
  monthlyTrend: number;
  projectedOn: string | null;
  onTrack: boolean;
  milestones: MilestoneProgress[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Members at the end of `month`: every net change up to and including it. */
export function membersThrough(series: MonthlyNet[], month: string): number {
  return series.reduce((sum, row) => (row.month <= month ? sum + row.net : sum), 0);
}

/** Net change of the months after `from` up to and including `to`. */
export function netBetween(series: MonthlyNet[], from: string, to: string): number {
  return series.reduce((sum, row) => (row.month > from && row.month <= to ? sum + row.net : sum), 0);
}

/**
 * The day the target is reached at `trailing12 / 12` members a month from `current` at the
 * end of `month`: the last day of the first month whose projected count reaches it. Today
 * when it is already reached; null when it is not and the trend is not upward.
 */
export function projectedOn(current: number, target: number, trailing12: number, month: string, today: string): string | null {
  if (current >= target) return today;
  if (trailing12 <= 0) return null;
  const months = Math.ceil((12 * (target - current)) / trailing12);
  return lastDayOf(addMonths(month, months));
}

/**
 * A milestone due before today is met or missed by the members at its due month's end; one
 * still ahead is on track when the current trend carries the count to its target by then.
 */
export function milestoneStatus(milestone: Milestone, today: string, membersAtDue: number, current: number, trailing12: number): MilestoneStatus {
  if (milestone.dueOn < today) return membersAtDue >= milestone.targetMembers ? 'met' : 'missed';
  const monthsToDue = monthsBetween(monthOfDate(today), monthOfDate(milestone.dueOn));
  // current + trailing12 / 12 * monthsToDue >= target, in integers
  return 12 * current + trailing12 * monthsToDue >= 12 * milestone.targetMembers ? 'on_track' : 'at_risk';
}

export function computeProgress(goal: GoalTarget, series: MonthlyNet[], today: string): Progress {
  const month = monthOfDate(today);
  const current = membersThrough(series, month);
  const trailing12 = netBetween(series, addMonths(month, -13), addMonths(month, -1));
  const remaining = Math.max(0, goal.targetMembers - current);
  const monthsLeft = Math.max(0, monthsBetween(month, monthOfDate(goal.targetOn)));
  const required = remaining === 0 ? 0 : monthsLeft > 0 ? remaining / monthsLeft : remaining;
  return {
    baselineMembers: membersThrough(series, monthOfDate(goal.baselineOn)),
    currentMembers: current,
    targetMembers: goal.targetMembers,
    percent: round1((100 * current) / goal.targetMembers),
    remaining,
    monthsLeft,
    requiredMonthlyNet: round1(required),
    trailing12MonthNet: trailing12,
    monthlyTrend: round1(trailing12 / 12),
    projectedOn: projectedOn(current, goal.targetMembers, trailing12, month, today),
    // trailing12 / 12 >= remaining / monthsLeft, in integers
    onTrack: remaining === 0 || (monthsLeft > 0 && trailing12 * monthsLeft >= 12 * remaining),
    milestones: [...goal.milestones]
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      .map((m) => {
        const past = m.dueOn < today;
        const atDue = membersThrough(series, monthOfDate(m.dueOn));
        const ahead = Math.max(0, monthsBetween(month, monthOfDate(m.dueOn)));
        return {
          name: m.name,
          dueOn: m.dueOn,
          targetMembers: m.targetMembers,
          membersAtDue: past ? atDue : null,
          projectedMembersAtDue: past ? null : Math.round(current + (trailing12 * ahead) / 12),
          status: milestoneStatus(m, today, atDue, current, trailing12),
        };
      }),
  };
}
