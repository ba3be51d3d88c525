import { useMemo } from 'react';
import { Stack, Table, Title } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatDelta, formatMonth, formatNumber } from '../../platform/format/format';
import { formatRange } from './fiscal-year';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import type { growthQuery } from '../queries';

type Growth = Schemas['GrowthReportDto'];
type Milestone = { name: string; targetMembers: number };

interface Props {
  report: Growth;
  /** The query that fetched `report`: its file has the same figures. */
  of: ReturnType<typeof growthQuery>;
  target: number;
  milestones: readonly Milestone[];
}

/** Members at each month's end, with the goal's and the milestones' lines; a closed month revised since shows its published figure beside. */
export function GrowthSection({ report, of, target, milestones }: Props) {
  const months = useMemo(() => report.groups[0]?.months ?? [], [report]);
  const closed = useMemo(() => new Set(report.closedMonths), [report]);
  const revised = months.filter((m) => m.publishedMembers !== undefined);
  const lines = useMemo(
    () => [
      { yAxis: target, label: { position: 'insideEndTop', formatter: `目標 ${formatNumber(target)}` } },
      ...milestones
        .filter((m) => m.targetMembers !== target)
        .map((m) => ({
          yAxis: m.targetMembers,
          lineStyle: { type: 'dotted' },
          label: { position: 'insideStartTop', formatter: `${m.name} ${formatNumber(m.targetMembers)}` },
        })),
    ],
    [target, milestones],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, data: ['組合員数', '公表値(締め後に変更のあった月)'] },
      grid: { left: 72, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m.month)) },
      yAxis: { type: 'value', scale: true, max: (v: { max: number }) => Math.max(v.max, target), axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        { name: '組合員数', type: 'line', data: months.map((m) => m.members), markLine: { symbol: 'none', data: lines } },
        {
          name: '公表値(締め後に変更のあった月)',
          type: 'line',
          data: months.map((m) => m.publishedMembers ?? null),
          symbol: 'diamond',
          symbolSize: 12,
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#e8590c' },
        },
      ],
    }),
    [months, target, lines],
  );
  const first = months[0];
  const last = months.at(-1);
  const revisedNote = revised.length ? `。締め後に変更のあった月(${revised.map((m) => formatMonth(m.month)).join('、')})は公表値を◆で表示` : '';
  const published = months.some((m) => m.published);
  return (
    <Stack component="section" aria-labelledby="growth-heading" gap="xs">
      <Title order={2} id="growth-heading" size="h3">
        組合員数の推移({formatRange(report)})
      </Title>
      <ExportButtons name="組合員数の推移" of={of} />
      <ChartFigure
        label={
          first && last
            ? `組合員数の推移の折れ線グラフ: ${formatMonth(first.month)} ${formatNumber(first.members)}人から ${formatMonth(last.month)} ${formatNumber(last.members)}人。目標 ${formatNumber(target)}人とマイルストーンの線つき${revisedNote}`
            : '組合員数の推移(データなし)'
        }
        option={option}
        table={
          <Table withTableBorder striped fz="xs" data-testid="growth-table">
            <Table.Caption>{`月末の組合員数と増減(${published ? '締めた月は公表値' : '現在値。締めた月は公表値を併記'})`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>月</Table.Th>
                <Table.Th ta="right">増加</Table.Th>
                <Table.Th ta="right">減少</Table.Th>
                <Table.Th ta="right">純増減</Table.Th>
                <Table.Th ta="right">{published ? '月末組合員数' : '現在値'}</Table.Th>
                <Table.Th ta="right">公表値</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((m) => (
                <Table.Tr key={m.month} data-month={m.month}>
                  <Table.Th scope="row" fw="normal">
                    {formatMonth(m.month)}
                    {m.publishedMembers !== undefined && '(締め後に変更あり)'}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(m.increase)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.decrease)}</Table.Td>
                  <Table.Td ta="right">{formatDelta(m.net)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.members)}</Table.Td>
                  <Table.Td ta="right">{closed.has(m.month) ? formatNumber(m.publishedMembers ?? m.members) : '-'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </Stack>
  );
}
