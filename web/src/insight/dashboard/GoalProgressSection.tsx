import { Badge, Box, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { formatDate, formatDecimal, formatNumber, formatPercent } from '../../platform/format/format';
import { projectionStatement } from './figures';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import type { goalProgressQuery } from '../queries';

type Goal = Schemas['GoalDto'];
type GoalProgress = Schemas['GoalProgressDto'];

const STATUS_COLOR: Record<GoalProgress['milestones'][number]['status'], string> = {
  met: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  missed: 'red',
};

function Figure({ term, value, testId, note }: { term: string; value: string; testId?: string; note?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Box component="dd" m={0}>
        <Text fz={26} fw={700} data-testid={testId}>
          {value}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Box>
    </Paper>
  );
}

/** Where the chapter stands against its goal: members, percent, the pace needed and the trend, milestones. */
export function GoalProgressSection({ goal, progress, of }: { goal: Goal; progress: GoalProgress; of: ReturnType<typeof goalProgressQuery> }) {
  return (
    <Stack component="section" aria-labelledby="goal-heading" gap="sm">
      <Title order={2} id="goal-heading" size="h3">
        {goal.name}(目標 {formatNumber(progress.targetMembers)}人・{formatDate(goal.targetOn)})
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} m={0}>
        <Figure term="組合員数" value={formatNumber(progress.currentMembers)} testId="goal-current-members" note={`${formatDate(progress.today)} 現在`} />
        <Figure term="達成率" value={formatPercent(progress.percent)} testId="goal-percent" note={`目標 ${formatNumber(progress.targetMembers)}人`} />
        <Figure
          term="必要な月間純増"
          value={`${formatDecimal(progress.requiredMonthlyNet)}人`}
          note={`残り ${formatNumber(progress.remaining)}人・${progress.monthsLeft}か月`}
        />
        <Figure
          term="直近12か月の月平均"
          value={`${formatDecimal(progress.monthlyTrend)}人`}
          note={`12か月の純増 ${formatNumber(progress.trailing12MonthNet)}人`}
        />
      </SimpleGrid>
      <Progress value={Math.min(100, progress.percent)} size="lg" aria-label={`達成率 ${formatPercent(progress.percent)}`} />
      <Group gap="xs">
        <Badge color={progress.onTrack ? 'teal' : 'orange'} variant="light" c="var(--mantine-color-black)">
          {progress.onTrack ? '目標のペース' : '目標のペースに届いていません'}
        </Badge>
        <Text size="sm" data-testid="goal-projection">
          {projectionStatement(progress)}
        </Text>
      </Group>
      <ExportButtons name="目標の進捗とマイルストーン" of={of} />
      <Table withTableBorder striped>
        <Table.Caption>マイルストーン</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>節目</Table.Th>
            <Table.Th>期日</Table.Th>
            <Table.Th ta="right">目標(人)</Table.Th>
            <Table.Th ta="right">期日時点(人)</Table.Th>
            <Table.Th>状況</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {progress.milestones.map((m) => (
            <Table.Tr key={`${m.name}-${m.dueOn}`}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{formatDate(m.dueOn)}</Table.Td>
              <Table.Td ta="right">{formatNumber(m.targetMembers)}</Table.Td>
              <Table.Td ta="right">
                {m.membersAtDue !== null
                  ? formatNumber(m.membersAtDue)
                  : m.projectedMembersAtDue !== null
                    ? `見込み ${formatNumber(m.projectedMembersAtDue)}`
                    : '-'}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[m.status]} variant="light" c="var(--mantine-color-black)">
                  {m.statusLabel}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
