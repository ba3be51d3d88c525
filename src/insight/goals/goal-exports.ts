import { ExportColumn, RouteExports, col, listExport, reportExport, sheet, yesNo } from '../../platform/exports/export-definition';
import type { ExportNames } from '../../platform/exports/export-names';
import type { GoalAllocationsDto, GoalDto, GoalProgressDto, MilestoneProgressDto } from './dto/goal.dto';

/** Whose goal it is: a federation, a council, or the chapter as a whole. */
const scopeName = (goal: GoalDto, names: ExportNames): string =>
  names.federation(goal.scope.federationId) ?? names.regionalCouncil(goal.scope.regionalCouncilId) ?? '連合神奈川全体';

const goalColumns: ExportColumn<GoalDto>[] = [
  col.text('目標名', (g) => g.name),
  col.text('対象', scopeName),
  col.number('目標組合員数', (g) => g.targetMembers),
  col.date('基準日', (g) => g.baselineOn),
  col.date('期日', (g) => g.targetOn),
  col.number('マイルストーン数', (g) => g.milestones.length),
];

const goals = listExport<GoalDto>({ fileName: '目標一覧', asciiName: 'goals', sheetName: '目標', needs: ['federations', 'regionalCouncils'] }, goalColumns);

const progress = reportExport<GoalProgressDto>({ fileName: '目標の進捗', asciiName: 'goal-progress' }, (answer, names) => [
  sheet(
    '進捗',
    [
      col.date<GoalProgressDto>('集計日', (p) => p.today),
      col.number<GoalProgressDto>('基準日の組合員数', (p) => p.baselineMembers),
      col.number<GoalProgressDto>('現在の組合員数', (p) => p.currentMembers),
      col.number<GoalProgressDto>('目標組合員数', (p) => p.targetMembers),
      col.percent<GoalProgressDto>('達成率', (p) => p.percent / 100),
      col.number<GoalProgressDto>('目標までの残り', (p) => p.remaining),
      col.number<GoalProgressDto>('残り月数', (p) => p.monthsLeft),
      col.decimal<GoalProgressDto>('必要な月平均純増', (p) => p.requiredMonthlyNet),
      col.decimal<GoalProgressDto>('直近の月平均純増', (p) => p.monthlyTrend),
      col.date<GoalProgressDto>('到達見込み日', (p) => p.projectedOn),
      col.text<GoalProgressDto>('期日までに到達の見込み', (p) => yesNo(p.onTrack)),
    ],
    [answer],
    names,
  ),
  sheet(
    'マイルストーン',
    [
      col.text<MilestoneProgressDto>('マイルストーン', (m) => m.name),
      col.date<MilestoneProgressDto>('期日', (m) => m.dueOn),
      col.number<MilestoneProgressDto>('目標組合員数', (m) => m.targetMembers),
      col.number<MilestoneProgressDto>('期日の組合員数', (m) => m.membersAtDue),
      col.number<MilestoneProgressDto>('期日の見込み', (m) => m.projectedMembersAtDue),
      col.text<MilestoneProgressDto>('状況', (m) => m.statusLabel),
    ],
    answer.milestones,
    names,
  ),
]);

const allocations = reportExport<GoalAllocationsDto>(
  { fileName: '目標の配分', asciiName: 'goal-allocations', needs: ['federations', 'regionalCouncils'] },
  (answer, names) => [
    sheet('配分', goalColumns, answer.children, names),
    sheet(
      '合計',
      [
        col.number<GoalAllocationsDto>('目標組合員数', (a) => a.targetMembers),
        col.number<GoalAllocationsDto>('配分の合計', (a) => a.childrenTargetMembers),
        col.number<GoalAllocationsDto>('差', (a) => a.difference),
        col.text<GoalAllocationsDto>('配分が目標と一致', (a) => yesNo(a.balanced)),
      ],
      [answer],
      names,
    ),
  ],
);

export const GOAL_EXPORTS: RouteExports = {
  '/goals': goals,
  '/goals/:id/progress': progress,
  '/goals/:id/allocations': allocations,
};
