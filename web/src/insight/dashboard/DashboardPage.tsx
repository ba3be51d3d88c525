import { useState } from 'react';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { preloadCharts } from '../../platform/charts/useEChart';
import { addMonths, formatDateTime, formatFiscalYear } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { LossCausesFigure } from '../loss-causes/LossCausesFigure';
import { currentMonth, goalProgressQuery, goalsQuery, growthQuery, lossCausesQuery, netChangeQuery } from '../queries';
import { BreakdownSection } from './BreakdownSection';
import { DuesSection } from './DuesSection';
import { chapterGoal } from './figures';
import { fiscalYearOfMonth, formatRange, reportedMonths } from './fiscal-year';
import { GenderSection } from './GenderSection';
import { GenderEqualitySection } from '../gender/GenderEqualitySection';
import { GoalProgressSection } from './GoalProgressSection';
import { GrowthSection } from './GrowthSection';
import { NetChangeSection } from './NetChangeSection';
import { PeriodControls, type Figures } from './PeriodControls';
import { ExportButtons } from '../../platform/tables/ExportButtons';

// the charts' library downloads while the screen's figures do
preloadCharts();

/** ダッシュボード: where the chapter stands against 400,000 and the plan's milestones; growth, losses, breakdowns for a fiscal year. */
export function DashboardPage() {
  const now = currentMonth();
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOfMonth(now));
  const [figures, setFigures] = useState<Figures>('live');
  const period = reportedMonths(fiscalYear, now);
  const asPublished = figures === 'published' ? true : undefined;

  const goals = useQuery(goalsQuery);
  const goal = goals.data ? chapterGoal(goals.data.items) : undefined;
  const progressQuery = goalProgressQuery(goal?.id ?? '');
  const progress = useQuery({ ...progressQuery, enabled: Boolean(goal) });
  // the members' line shows the year before too, so the year is seen against its trend
  const growthOf = growthQuery({ from: addMonths(period.from, -12), to: period.to, groupBy: 'total', asPublished });
  const growth = useQuery(growthOf);
  const netChangeOf = netChangeQuery({ ...period, asPublished });
  const netChange = useQuery(netChangeOf);
  const lossesOf = lossCausesQuery({ ...period, asPublished });
  const losses = useQuery(lossesOf);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>ダッシュボード</Title>
          <Text size="sm" data-testid="dashboard-period">
            {formatFiscalYear(fiscalYear)}({formatRange(period)})・{figures === 'published' ? '公表値(締めた月は締めたときの数値)' : '最新値'}
          </Text>
          {progress.data?.asOf && (
            <Text size="sm" c="dimmed">
              {formatDateTime(progress.data.asOf)} までの記録による
            </Text>
          )}
        </div>
        <PeriodControls fiscalYear={fiscalYear} onFiscalYear={setFiscalYear} figures={figures} onFigures={setFigures} currentMonth={now} />
      </Group>
      <QueryState isPending={goals.isPending || (Boolean(goal) && progress.isPending)} error={goals.error ?? progress.error}>
        {() =>
          goal && progress.data ? (
            <GoalProgressSection goal={goal} progress={progress.data} of={progressQuery} />
          ) : (
            <Alert color="yellow">連合神奈川全体の目標がまだ登録されていません。</Alert>
          )
        }
      </QueryState>
      <QueryState isPending={growth.isPending} error={growth.error}>
        {() =>
          growth.data && (
            <GrowthSection report={growth.data} of={growthOf} target={goal?.targetMembers ?? 400_000} milestones={progress.data?.milestones ?? []} />
          )
        }
      </QueryState>
      <QueryState isPending={netChange.isPending} error={netChange.error}>
        {() => netChange.data && <NetChangeSection report={netChange.data} of={netChangeOf} />}
      </QueryState>
      <Stack component="section" aria-labelledby="losses-heading" gap="xs">
        <Title order={2} id="losses-heading" size="h3">
          減少要因(前期間との比較)
        </Title>
        <ExportButtons name="減少要因" of={lossesOf} />
        <QueryState isPending={losses.isPending} error={losses.error}>
          {() => losses.data && <LossCausesFigure report={losses.data} title="要因別の減少" />}
        </QueryState>
      </Stack>
      <BreakdownSection range={period} asPublished={asPublished} />
      <GenderSection month={period.to} asPublished={asPublished} />
      <GenderEqualitySection fiscalYear={fiscalYear} />
      <DuesSection fiscalYear={fiscalYear} asPublished={asPublished} />
    </Stack>
  );
}
