import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { LossCausesFigure } from '../loss-causes/LossCausesFigure';
import { addMonths } from '../../platform/format/format';
import { currentMonth, goalProgressQuery, goalsQuery, growthQuery, lossCausesQuery, trailingYear } from '../queries';
import { BreakdownSection } from './BreakdownSection';
import { chapterGoal } from './figures';
import { GoalProgressSection } from './GoalProgressSection';
import { GrowthSection } from './GrowthSection';
import { preloadCharts } from '../../platform/charts/useEChart';
import { ExportButtons } from '../../platform/tables/ExportButtons';

// the charts' library downloads while the screen's figures do
preloadCharts();

/** ダッシュボード: where the chapter stands against 400,000 and the plan's milestones; growth, breakdowns, losses. */
export function DashboardPage() {
  const goals = useQuery(goalsQuery);
  const goal = goals.data ? chapterGoal(goals.data.items) : undefined;
  const progress = useQuery({ ...goalProgressQuery(goal?.id ?? ''), enabled: Boolean(goal) });
  const to = currentMonth();
  const growth = useQuery(growthQuery({ from: addMonths(to, -23), to, groupBy: 'total' }));
  const losses = useQuery(lossCausesQuery(trailingYear(to)));

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>ダッシュボード</Title>
        {progress.data?.asOf && (
          <Text size="sm" c="dimmed">
            {formatDateTime(progress.data.asOf)} までの記録による
          </Text>
        )}
      </div>
      <QueryState isPending={goals.isPending || (Boolean(goal) && progress.isPending)} error={goals.error ?? progress.error}>
        {() =>
          goal && progress.data ? (
            <GoalProgressSection goal={goal} progress={progress.data} />
          ) : (
            <Alert color="yellow">連合神奈川全体の目標がまだ登録されていません。</Alert>
          )
        }
      </QueryState>
      <QueryState isPending={growth.isPending} error={growth.error}>
        {() => growth.data && <GrowthSection report={growth.data} target={goal?.targetMembers ?? 400_000} />}
      </QueryState>
      <BreakdownSection />
      <Stack component="section" aria-labelledby="losses-heading" gap="xs">
        <Title order={2} id="losses-heading" size="h3">
          減少要因(前期間との比較)
        </Title>
        <ExportButtons name="減少要因" path="/api/v1/reports/loss-causes" query={trailingYear(to)} />
        <QueryState isPending={losses.isPending} error={losses.error}>
          {() => losses.data && <LossCausesFigure report={losses.data} title="要因別の減少" />}
        </QueryState>
      </Stack>
    </Stack>
  );
}
