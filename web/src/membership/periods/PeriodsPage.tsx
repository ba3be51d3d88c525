import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { addMonths, currentMonth, formatDateTime, formatMonth } from '../../platform/format/format';
import { MonthSelect } from '../../platform/forms/MonthSelect';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { QueryState } from '../../platform/shell/QueryState';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { closePeriod, periodKeys, periodsQuery } from './queries';

/** 月次締め: publishing a month's figures; the closed months. */
export function PeriodsPage() {
  const queryClient = useQueryClient();
  const periods = useQuery(periodsQuery);
  const [closed, setClosed] = useState<string>();
  const close = useApiForm({
    initialValues: { month: addMonths(currentMonth(), -1) },
    save: ({ month }) => {
      setClosed(undefined);
      return closePeriod(month);
    },
    onSaved: async (period) => {
      setClosed(`${formatMonth(period.month)}を締めました。この月の数値を公表値として確定しました。`);
      await queryClient.invalidateQueries({ queryKey: periodKeys.all });
    },
  });

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
        <form {...close.formProps}>
          <Stack gap="sm">
            <SaveProblem {...close.saveProblem} />
            {closed && (
              <Alert color="teal" role="status">
                {closed}
              </Alert>
            )}
            <Group align="flex-end">
              <MonthSelect label="締める月" required {...close.field('month')} max={currentMonth()} />
              <Button type="submit" loading={close.saving}>
                締める
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ExportButtons name="締めた月" of={periodsQuery} />
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
