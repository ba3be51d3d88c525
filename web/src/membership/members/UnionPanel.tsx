import { useState } from 'react';
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import { formatDate, formatDelta, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { ChangeForm } from './ChangeForm';

type Union = Schemas['UnionDto'];

/** One union: its members now, a change to record, and its latest ledger entries. */
export function UnionPanel({ union }: { union: Union }) {
  const label = useLabels();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string>();
  const changes = useQuery({
    queryKey: ['membership-changes', union.id],
    queryFn: () => unwrap(api.GET('/api/v1/membership-changes', { params: { query: { unionId: union.id, limit: 10 } } })),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="union-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="union-heading">
          {union.name}
        </Title>
        <Text>
          現在の組合員数{' '}
          <Text span fw={700} fz="lg" data-testid="union-current-members">
            {formatNumber(union.currentMembers)}
          </Text>
          人<Text span size="sm" c="dimmed" ml={8}>{union.regionalCouncilName}・{union.employerName}</Text>
        </Text>
        {saved && (
          <Alert color="teal" role="status">
            {saved}
          </Alert>
        )}
        <ChangeForm
          unionId={union.id}
          onSaved={(change) => {
            setSaved(`記録しました: ${formatDate(change.effectiveOn)} ${change.causeLabel} ${formatDelta(change.delta)}人。組合員数への反映には数秒かかります。`);
            void queryClient.invalidateQueries({ queryKey: ['membership-changes', union.id] });
            void queryClient.invalidateQueries({ queryKey: ['unions'] });
          }}
        />
        <QueryState isPending={changes.isPending} error={changes.error}>
          {() => (
            <Table withTableBorder striped>
              <Table.Caption>最近の増減(新しい順)</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>発効日</Table.Th>
                  <Table.Th>事由</Table.Th>
                  <Table.Th>雇用形態</Table.Th>
                  <Table.Th ta="right">増減</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(changes.data?.items ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDate(c.effectiveOn)}</Table.Td>
                    <Table.Td>{c.causeLabel}</Table.Td>
                    <Table.Td>{label('employmentTypes', c.employmentType)}</Table.Td>
                    <Table.Td ta="right">{formatDelta(c.delta)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
