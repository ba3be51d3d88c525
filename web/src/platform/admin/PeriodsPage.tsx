import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { errorMessageJa, unwrap } from '../api/errors';
import { addMonths, formatDateTime, formatMonth } from '../format/format';
import { MonthSelect } from '../forms/MonthSelect';
import { useImeSafeSubmit } from '../forms/useImeSafeSubmit';
import { QueryState } from '../shell/QueryState';
import { currentMonth } from '../../insight/queries';
import { ExportButtons } from '../tables/ExportButtons';

/** 月次締め: publishing a month's figures; the closed months. */
export function PeriodsPage() {
  const queryClient = useQueryClient();
  const periods = useQuery({ queryKey: ['periods'], queryFn: () => unwrap(api.GET('/api/v1/periods', { params: { query: { limit: 120 } } })) });
  const [month, setMonth] = useState(() => addMonths(currentMonth(), -1));
  const [closed, setClosed] = useState<string>();
  const imeSafe = useImeSafeSubmit();
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/periods/{month}/close', { params: { path: { month } } })),
    onSuccess: async (period) => {
      setClosed(`${formatMonth(period.month)}を締めました。この月の数値を公表値として確定しました。`);
      await queryClient.invalidateQueries({ queryKey: ['periods'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setClosed(undefined);
    close.mutate();
  }

  return (
    <Stack gap="lg">
      <Title order={1}>月次締め</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="close-heading">
        <Title order={2} size="h3" id="close-heading" mb="xs">
          月を締める
        </Title>
        <Text size="sm" mb="sm">
          締めた月の数値は公表値として保存され、後から記録された変更は公表値と並べて表示されます。
        </Text>
        <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
          <Stack gap="sm">
            {close.error && (
              <Alert color="red" role="alert">
                {errorMessageJa(close.error)}
              </Alert>
            )}
            {closed && (
              <Alert color="teal" role="status">
                {closed}
              </Alert>
            )}
            <Group align="flex-end">
              <MonthSelect label="締める月" required value={month} onChange={setMonth} max={currentMonth()} />
              <Button type="submit" loading={close.isPending}>
                締める
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ExportButtons name="締めた月" path="/api/v1/periods" />
      <QueryState isPending={periods.isPending} error={periods.error}>
        {() => (
          <Table withTableBorder striped>
            <Table.Caption>締めた月(新しい順)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>月</Table.Th>
                <Table.Th>締めた日時</Table.Th>
                <Table.Th>締めた人</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(periods.data?.items ?? []).map((p) => (
                <Table.Tr key={p.month}>
                  <Table.Td>{formatMonth(p.month)}</Table.Td>
                  <Table.Td>{formatDateTime(p.closedAt)}</Table.Td>
                  <Table.Td>{p.closedByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
