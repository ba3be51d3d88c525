import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Table, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatDate, formatNumber, formatPercent } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { chapterGoal } from '../dashboard/figures';
import { goalProgressQuery, goalsQuery } from '../queries';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { Allocations } from './Allocations';
import { GoalEditor } from './GoalEditor';
import { useScopeOf } from './useScopeOf';

type Goal = Schemas['GoalDto'];

/** 目標: every goal with where it stands; create and edit goals; how the chapter's goal is shared out. */
export function GoalsPage() {
  const goals = useQuery(goalsQuery);
  const items = goals.data?.items ?? [];
  const progress = useQueries({ queries: items.map((g) => goalProgressQuery(g.id)) });
  const scopeOf = useScopeOf();
  const chapter = chapterGoal(items);
  // the goal in the editor: 'new', one to edit, or none
  const [editing, setEditing] = useState<Goal | 'new'>();
  const [saved, setSaved] = useState<string>();
  const goal = editing === 'new' ? undefined : editing;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>目標</Title>
        <Button
          onClick={() => {
            setSaved(undefined);
            setEditing('new');
          }}
        >
          目標を追加
        </Button>
      </Group>
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
      <ExportButtons name="目標の一覧" of={goalsQuery} />
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
                <Table.Th>操作</Table.Th>
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
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`${g.name}を編集`}
                        onClick={() => {
                          setSaved(undefined);
                          setEditing(g);
                        }}
                      >
                        編集
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {chapter && <Allocations goal={chapter} />}
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={goal ? `${goal.name}を編集` : editing ? '目標を追加' : ''} size="xl">
        {editing && (
          <Stack gap="lg">
            <GoalEditor
              key={goal?.id ?? 'new'}
              goal={goal}
              goals={items}
              onSaved={(g) => {
                setSaved(`「${g.name}」を保存しました。`);
                setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
            {goal && <Allocations goal={goal} headingLevel={3} />}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
