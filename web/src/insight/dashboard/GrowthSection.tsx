import { useMemo } from 'react';
import { Stack, Table, Title } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatDelta, formatMonth, formatNumber } from '../../platform/format/format';
import { ExportButtons } from '../../platform/tables/ExportButtons';

type Growth = Schemas['GrowthReportDto'];

/** Members at each month's end, with the goal's line. */
export function GrowthSection({ report, target }: { report: Growth; target: number }) {
  const months = useMemo(() => report.groups[0]?.months ?? [], [report]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 72, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m.month)) },
      yAxis: { type: 'value', scale: true, max: (v: { max: number }) => Math.max(v.max, target) },
      series: [
        {
          name: '組合員数',
          type: 'line',
          data: months.map((m) => m.members),
          markLine: { symbol: 'none', label: { position: 'insideEndTop', formatter: `目標 ${formatNumber(target)}` }, data: [{ yAxis: target }] },
        },
      ],
    }),
    [months, target],
  );
  const first = months[0];
  const last = months.at(-1);
  return (
    <Stack component="section" aria-labelledby="growth-heading" gap="xs">
      <Title order={2} id="growth-heading" size="h3">
        組合員数の推移
      </Title>
      <ExportButtons name="組合員数の推移" path="/api/v1/reports/growth" query={{ from: report.from, to: report.to, groupBy: 'total' }} />
      <ChartFigure
        label={
          first && last
            ? `組合員数の推移の折れ線グラフ: ${formatMonth(first.month)} ${formatNumber(first.members)}人から ${formatMonth(last.month)} ${formatNumber(last.members)}人。目標 ${formatNumber(target)}人の線つき`
            : '組合員数の推移(データなし)'
        }
        option={option}
        table={
          <Table withTableBorder striped>
            <Table.Caption>月末の組合員数と増減</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>月</Table.Th>
                <Table.Th ta="right">増加</Table.Th>
                <Table.Th ta="right">減少</Table.Th>
                <Table.Th ta="right">純増減</Table.Th>
                <Table.Th ta="right">月末組合員数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{formatMonth(m.month)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.increase)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.decrease)}</Table.Td>
                  <Table.Td ta="right">{formatDelta(m.net)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.members)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </Stack>
  );
}
