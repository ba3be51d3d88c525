import type { Schemas } from '../../platform/api/client';
import { formatDate, formatDecimal } from '../../platform/format/format';

type Goal = Schemas['GoalDto'];
type Progress = Schemas['GoalProgressDto'];
type Growth = Schemas['GrowthReportDto'];

/** The chapter-wide goal (no federation, no council, no parent): 40万連合神奈川. */
export function chapterGoal(goals: readonly Goal[]): Goal | undefined {
  return goals.filter((g) => !g.scope.federationId && !g.scope.regionalCouncilId && !g.parentGoalId).sort((a, b) => b.targetMembers - a.targetMembers)[0];
}

/** Where the trend leads, in a plain sentence. */
export function projectionStatement(progress: Pick<Progress, 'projectedOn' | 'remaining' | 'monthlyTrend' | 'onTrack'>): string {
  if (progress.remaining <= 0) return '目標に到達しています。';
  if (progress.projectedOn) return `今の傾向が続けば ${formatDate(progress.projectedOn)} に到達する見込みです。`;
  return `今の傾向(月平均 ${formatDecimal(progress.monthlyTrend)}人)では目標に届きません。`;
}

export interface BreakdownRow {
  key: string;
  label: string;
  /** Members at the end of the last month of the report. */
  members: number;
  /** Net change over the report's months. */
  net: number;
}

/** One row per group: members at the end and net change over the months. */
export function breakdownRows(report: Pick<Growth, 'groups'>): BreakdownRow[] {
  return report.groups.map((g) => ({
    key: g.key,
    label: g.label,
    members: g.months.at(-1)?.members ?? 0,
    net: g.months.reduce((sum, m) => sum + m.net, 0),
  }));
}
