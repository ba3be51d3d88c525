import { useMemo } from 'react';
import { Stack, Table, Title } from '@mantine/core';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import type { netChangeQuery } from '../queries';
import type { Schemas } from '../../platform/api/client';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatDelta, formatMonth, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { formatRange } from './fiscal-year';
import { netChangeRows, waterfall, type NetChangeRow } from './waterfall';

type NetChange = Schemas['NetChangeReportDto'];

const LOSS_COLORS = ['#c92a2a', '#e8590c', '#f08c00', '#a61e4d', '#862e9c', '#d6336c', '#fa5252', '#ff922b'];
const GAIN_COLORS = ['#2b8a3e', '#1971c2', '#0c8599', '#5c940d', '#3b5bdb', '#099268', '#74b816'];

const cell = (row: NetChangeRow, value: number): string => (row.kind === 'net' || row.kind === 'adjustment' ? formatDelta(value) : formatNumber(value));

/** Each month's gains and losses by cause as a waterfall from the period's start, and the same numbers as a table; `of` is the query that fetched it. */
export function NetChangeSection({ report, of }: { report: NetChange; of: ReturnType<typeof netChangeQuery> }) {
  const label = useLabels();
  const rows = useMemo(() => netChangeRows(report, (code) => label('causes', code)), [report, label]);
  const chart = useMemo(() => waterfall(report, (code) => label('causes', code)), [report, label]);
  const months = useMemo(() => report.months.map((m) => formatMonth(m.month)), [report]);
  const option = useMemo(() => {
    let losses = 0;
    let gains = 0;
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { seriesName: string; value: number; axisValueLabel: string; marker: string }[]) =>
          [
            items[0]?.axisValueLabel,
            ...items.filter((i) => i.seriesName !== '基準' && i.value !== 0).map((i) => `${i.marker}${i.seriesName} ${formatNumber(i.value)}`),
          ].join('<br/>'),
      },
      legend: {
        bottom: 0,
        data: chart.series
          .filter((s) => s.kind !== 'base')
          .map((s) => s.name)
          .concat('累計純増減'),
      },
      grid: { left: 72, right: 24, top: 16, bottom: 80 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: '人', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        ...chart.series.map((s) => ({
          name: s.name,
          type: 'bar',
          stack: 'waterfall',
          stackStrategy: 'all',
          data: s.data,
          ...(s.kind === 'base'
            ? { itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, silent: true }
            : { itemStyle: { color: s.kind === 'loss' ? LOSS_COLORS[losses++ % LOSS_COLORS.length] : GAIN_COLORS[gains++ % GAIN_COLORS.length] } }),
        })),
        { name: '累計純増減', type: 'line', data: chart.running, itemStyle: { color: '#212529' }, lineStyle: { type: 'dashed' } },
      ],
    };
  }, [chart, months]);
  const period = formatRange(report);
  const total = rows.find((r) => r.kind === 'net')?.total ?? 0;
  const gains = rows.find((r) => r.kind === 'gainTotal')?.total ?? 0;
  const losses = rows.find((r) => r.kind === 'lossTotal')?.total ?? 0;
  return (
    <Stack component="section" aria-labelledby="net-change-heading" gap="xs">
      <Title order={2} id="net-change-heading" size="h3">
        要因別の増減(ウォーターフォール)
      </Title>
      <ExportButtons name="要因別の増減" of={of} />
      <ChartFigure
        label={`要因別の増減のウォーターフォール図: ${period}の各月、前月までの累計純増減から減少を下へ、増加を上へ要因別に積んだ棒。期間の増加 ${formatNumber(gains)}人、減少 ${formatNumber(-losses)}人、純増減 ${formatDelta(total)}人`}
        option={option}
        height={380}
        table={
          <Table withTableBorder striped fz="xs" data-testid="net-change-table">
            <Table.Caption>{`月別・要因別の増減(${period}、人。減少はマイナス)`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>要因</Table.Th>
                {months.map((m) => (
                  <Table.Th key={m} ta="right">
                    {m}
                  </Table.Th>
                ))}
                <Table.Th ta="right">計</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} fw={row.kind === 'net' || row.kind.endsWith('Total') ? 700 : undefined}>
                  <Table.Th scope="row" fw="inherit">
                    {row.label}
                  </Table.Th>
                  {row.values.map((v, i) => (
                    <Table.Td key={report.months[i].month} ta="right">
                      {cell(row, v)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{cell(row, row.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </Stack>
  );
}
