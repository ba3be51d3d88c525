import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { formatDate, formatDelta, formatNumber, formatPercent } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { councilsQuery, federationsQuery } from '../../structure/queries';
import { chapterGoal } from '../dashboard/figures';
import { goalProgressQuery, goalsQuery } from '../queries';
import { ExportButtons } from '../../platform/tables/ExportButtons';

type Goal = Schemas['GoalDto'];

/** Whose members a goal counts, in words. */
function useScopeOf(): (goal: Goal) => string {
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  return (goal) => {
    const council = councils.data?.items.find((c) => c.id === goal.scope.regionalCouncilId)?.name;
    const federation = federations.data?.items.find((f) => f.id === goal.scope.federationId)?.name;
    if (council && federation) return `${federation}(${council})`;
    return council ?? federation ?? '連合神奈川 全体';
  };
}

/** How the chapter's goal is shared out among its child goals, and whether the shares add up. */
function Allocations({ goal }: { goal: Goal }) {
  const allocations = useQuery({
    queryKey: ['goals', goal.id, 'allocations'],
    queryFn: () => unwrap(api.GET('/api/v1/goals/{id}/allocations', { params: { path: { id: goal.id } } })),
  });
  const scopeOf = useScopeOf();
  return (
    <Stack component="section" aria-labelledby="allocations-heading" gap="xs">
      <Title order={2} size="h3" id="allocations-heading">
        {goal.name}の割り振り
      </Title>
      <ExportButtons name={`${goal.name}の割り振り`} path="/api/v1/goals/{id}/allocations" params={{ id: goal.id }} />
      <QueryState isPending={allocations.isPending} error={allocations.error}>
        {() =>
          allocations.data && (
            <>
              <Text data-testid="allocation-summary">
                割り振りの合計 {formatNumber(allocations.data.childrenTargetMembers)}人 / 目標 {formatNumber(allocations.data.targetMembers)}人(差{' '}
                {formatDelta(allocations.data.difference)}人){' '}
                <Badge variant="light" c="var(--mantine-color-black)" color={allocations.data.balanced ? 'teal' : 'orange'}>
                  {allocations.data.balanced ? '一致' : '不一致'}
                </Badge>
              </Text>
              <Table withTableBorder striped>
                <Table.Caption>割り振り先の目標</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>目標</Table.Th>
                    <Table.Th>対象</Table.Th>
                    <Table.Th ta="right">目標人数</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {allocations.data.children.map((child) => (
                    <Table.Tr key={child.id}>
                      <Table.Td>{child.name}</Table.Td>
                      <Table.Td>{scopeOf(child)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(child.targetMembers)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** 目標: every goal with where it stands, and how the chapter's goal is shared out. */
export function GoalsPage() {
  const goals = useQuery(goalsQuery);
  const items = goals.data?.items ?? [];
  const progress = useQueries({ queries: items.map((g) => goalProgressQuery(g.id)) });
  const scopeOf = useScopeOf();
  const chapter = chapterGoal(items);
  return (
    <Stack gap="lg">
      <Title order={1}>目標</Title>
      <ExportButtons name="目標の一覧" path="/api/v1/goals" />
      <QueryState isPending={goals.isPending} error={goals.error}>
        {() => (
          <Table withTableBorder striped>
            <Table.Caption>登録されている目標と現在の達成率</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>目標</Table.Th>
                <Table.Th>対象</Table.Th>
                <Table.Th ta="right">目標人数</Table.Th>
                <Table.Th>期限</Table.Th>
                <Table.Th ta="right">組合員数</Table.Th>
                <Table.Th ta="right">達成率</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g, i) => {
                const p = progress[i]?.data;
                return (
                  <Table.Tr key={g.id}>
                    <Table.Td>{g.name}</Table.Td>
                    <Table.Td>{scopeOf(g)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(g.targetMembers)}</Table.Td>
                    <Table.Td>{formatDate(g.targetOn)}</Table.Td>
                    <Table.Td ta="right">{p ? formatNumber(p.currentMembers) : '…'}</Table.Td>
                    <Table.Td ta="right">{p ? formatPercent(p.percent) : '…'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {chapter && <Allocations goal={chapter} />}
    </Stack>
  );
}
