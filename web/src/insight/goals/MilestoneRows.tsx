import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { addMilestone, changeMilestone, removeMilestone, type MilestoneRow } from './goal-form';

interface Props {
  rows: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  /** Where a new row's date starts. */
  targetOn: string;
  /** The API's problem with a row's field (`milestones[2].targetMembers`), by the row's key. */
  problem: (key: number, field: keyof Omit<MilestoneRow, 'key'>) => string | undefined;
}

/** マイルストーン: the goal's intermediate targets, a row each, added and removed freely. */
export function MilestoneRows({ rows, onChange, targetOn, problem }: Props) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={700} size="sm">
        マイルストーン
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          マイルストーンはありません。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名前</Table.Th>
              <Table.Th>期日</Table.Th>
              <Table.Th>目標人数</Table.Th>
              <Table.Th>
                <VisuallyHidden>操作</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <TextInput
                      aria-label={`マイルストーン${n}の名前`}
                      value={row.name}
                      onChange={(e) => onChange(changeMilestone(rows, row.key, { name: e.currentTarget.value }))}
                      error={problem(row.key, 'name')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`マイルストーン${n}の期日`}
                      type="date"
                      value={row.dueOn}
                      onChange={(e) => onChange(changeMilestone(rows, row.key, { dueOn: e.currentTarget.value }))}
                      error={problem(row.key, 'dueOn')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`マイルストーン${n}の目標人数`}
                      inputMode="numeric"
                      rightSection="人"
                      value={row.targetMembers}
                      onChange={(e) => onChange(changeMilestone(rows, row.key, { targetMembers: e.currentTarget.value }))}
                      error={problem(row.key, 'targetMembers')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`マイルストーン${n}を削除`} onClick={() => onChange(removeMilestone(rows, row.key))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange(addMilestone(rows, targetOn))}>
          マイルストーンを追加
        </Button>
      </Group>
    </Stack>
  );
}
