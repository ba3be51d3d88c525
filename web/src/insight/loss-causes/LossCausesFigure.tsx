import { useMemo } from 'react';
import { Anchor, Table } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatDelta, formatMonth, formatNumber, formatShare } from '../../platform/format/format';

type Report = Schemas['LossCausesReportDto'];
type Cause = Schemas['LossCauseDto'];

/** Members lost by cause in the period against the previous one: a bar chart and its table, each cause opening the unions behind it. */
export function LossCausesFigure({ report, title, onOpenCause }: { report: Report; title: string; onOpenCause?: (cause: Cause) => void }) {
  const period = `${formatMonth(report.from)}〜${formatMonth(report.to)}`;
  const previous = `${formatMonth(report.previousFrom)}〜${formatMonth(report.previousTo)}`;
  const causes = report.causes;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['今期間', '前期間'], top: 0, left: 'center' },
      grid: { left: 130, right: 24, top: 36, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: causes.map((c) => c.label) },
      series: [
        { name: '今期間', type: 'bar', data: causes.map((c) => c.members) },
        { name: '前期間', type: 'bar', data: causes.map((c) => c.previousPeriodMembers) },
      ],
    }),
    [causes],
  );
  return (
    <ChartFigure
      label={`${title}: ${period}の減少 ${formatNumber(report.total)}人を要因別に、前期間(${previous})の ${formatNumber(report.previousPeriodTotal)}人と比べた横棒グラフ`}
      option={option}
      height={Math.max(220, causes.length * 44 + 60)}
      tableOpen={Boolean(onOpenCause)}
      table={
        <Table withTableBorder striped>
          <Table.Caption>{`${title}(${period}、前期間 ${previous})`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>要因</Table.Th>
              <Table.Th ta="right">今期間(人)</Table.Th>
              <Table.Th ta="right">構成比</Table.Th>
              <Table.Th ta="right">前期間(人)</Table.Th>
              <Table.Th ta="right">増減</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {causes.map((c) => (
              <Table.Tr key={c.cause}>
                <Table.Td>
                  {onOpenCause && c.members > 0 ? (
                    <Anchor component="button" type="button" onClick={() => onOpenCause(c)} aria-label={`${c.label} ${formatNumber(c.members)}人の単組を見る`}>
                      {c.label}
                    </Anchor>
                  ) : (
                    c.label
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {formatNumber(c.members)}
                  {c.publishedMembers !== undefined && `(公表値 ${formatNumber(c.publishedMembers)})`}
                </Table.Td>
                <Table.Td ta="right">{formatShare(c.share)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.previousPeriodMembers)}</Table.Td>
                <Table.Td ta="right">{formatDelta(c.members - c.previousPeriodMembers)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>合計</Table.Td>
              <Table.Td ta="right">{formatNumber(report.total)}</Table.Td>
              <Table.Td ta="right">{report.total > 0 ? '100.0%' : '-'}</Table.Td>
              <Table.Td ta="right">{formatNumber(report.previousPeriodTotal)}</Table.Td>
              <Table.Td ta="right">{formatDelta(report.total - report.previousPeriodTotal)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      }
    />
  );
}
