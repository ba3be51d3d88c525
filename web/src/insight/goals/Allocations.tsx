import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatDelta, formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { allocationsQuery } from '../queries';
import { allocationDifferenceJa } from './goal-form';
import { useScopeOf } from './useScopeOf';

type Goal = Schemas['GoalDto'];

/** How a goal is shared out among its child goals, and how far the shares are from adding up. */
export function Allocations({ goal, headingLevel = 2 }: { goal: Goal; headingLevel?: 2 | 3 }) {
  const query = allocationsQuery(goal.id);
  const allocations = useQuery(query);
  const scopeOf = useScopeOf();
  const headingId = `allocations-${goal.id}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={headingLevel} size="h3" id={headingId}>
        {goal.name}の配分
      </Title>
      <ExportButtons name={`${goal.name}の割り振り`} of={query} />
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
              <Text fw={700} data-testid="allocation-difference">
                {allocationDifferenceJa(allocations.data.difference)}
              </Text>
              {allocations.data.children.length === 0 ? (
                <Text c="dimmed">この目標を配分元とする目標はまだありません。</Text>
              ) : (
                <Table withTableBorder striped>
                  <Table.Caption>配分先の目標</Table.Caption>
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
              )}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
