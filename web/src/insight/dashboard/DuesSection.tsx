import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { useQuery } from '@tanstack/react-query';
import { formatFiscalYear, formatMonth, formatNumber, formatShare } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { duesQuery } from '../queries';

const yen = (value: number): string => `${formatNumber(value)}円`;

/** The fiscal year's dues to the chapter: months so far as counted, the rest at the latest members. */
export function DuesSection({ fiscalYear, asPublished }: { fiscalYear: number; asPublished?: true }) {
  const query = duesQuery({ fiscalYear, asPublished });
  const report = useQuery(query);
  return (
    <Stack component="section" aria-labelledby="dues-heading" gap="xs">
      <Title order={2} id="dues-heading" size="h3">
        会費収入の見込み({formatFiscalYear(fiscalYear)})
      </Title>
      <ExportButtons name="会費収入の見込み" of={query} />
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          report.data && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Paper withBorder p="sm">
                  <Text size="sm" c="dimmed">
                    {formatFiscalYear(report.data.fiscalYear)}の会費収入(見込み)
                  </Text>
                  <Text fz={26} fw={700} data-testid="dues-total">
                    {yen(report.data.totalDues)}
                  </Text>
                </Paper>
                <Paper withBorder p="sm">
                  <Text size="sm" c="dimmed">
                    現在の組合員数での年額
                  </Text>
                  <Text fz={26} fw={700} data-testid="dues-annual">
                    {yen(report.data.annualAtCurrentMembers)}
                  </Text>
                </Paper>
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                組合員数 × 月額 {yen(report.data.monthlyDuesYen)} × 納入率 {formatShare(report.data.paymentRate)}
                。今月より後の月は最新の組合員数で見込んでいます。
              </Text>
              <details>
                <summary>
                  <Text span size="sm">
                    月別の内訳
                  </Text>
                </summary>
                <Table withTableBorder striped fz="xs">
                  <Table.Caption>{`月別の会費収入(${formatMonth(report.data.from)}〜${formatMonth(report.data.to)})`}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>月</Table.Th>
                      <Table.Th ta="right">組合員数</Table.Th>
                      <Table.Th ta="right">会費収入</Table.Th>
                      <Table.Th>区分</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.data.months.map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Th scope="row" fw="normal">
                          {formatMonth(m.month)}
                        </Table.Th>
                        <Table.Td ta="right">
                          {formatNumber(m.members)}
                          {m.publishedMembers !== undefined && ` (公表値 ${formatNumber(m.publishedMembers)})`}
                        </Table.Td>
                        <Table.Td ta="right">{yen(m.dues)}</Table.Td>
                        <Table.Td>{m.projected ? '見込み' : m.published ? '公表値' : '実績'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </details>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
