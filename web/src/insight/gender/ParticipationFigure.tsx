import { useMemo } from 'react';
import { Table, Text } from '@mantine/core';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatFiscalYear } from '../../platform/format/format';
import { chartPoints, share, tally, type Participation } from './participation';
import { StatusBadge } from './StatusBadge';

const COLORS = { met: '#087f5b', not_met: '#c92a2a', unknown: '#868e96' };

/**
 * Each organization as a point: its female member share (across) against the women's share of
 * its executive committee (up). On or above the diagonal (パリティ線) a body is in proportion.
 */
export function ParticipationFigure({ report }: { report: Participation }) {
  const dots = useMemo(() => chartPoints(report.organizations), [report]);
  const counts = tally(report.organizations);
  // the axes reach a little past the largest share (at most 100%), so the points are not crowded in a corner
  const top = Math.min(100, Math.ceil((Math.max(10, ...dots.flatMap((d) => d.value)) + 5) / 10) * 10);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; name: string; value: [number, number] }) =>
          p.seriesName === 'パリティ線'
            ? 'パリティ線(組合員の女性比率と同じ)'
            : `${p.name}<br/>女性組合員比率 ${p.value[0]}%<br/>執行委員の女性比率 ${p.value[1]}%`,
      },
      grid: { left: 56, right: 24, top: 16, bottom: 48 },
      xAxis: { type: 'value', min: 0, max: top, name: '女性組合員比率(%)', nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'value', min: 0, max: top, name: '執行委員の女性比率(%)', nameLocation: 'middle', nameGap: 40, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: 'パリティ線',
          type: 'line',
          data: [
            [0, 0],
            [top, top],
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#495057', width: 1.5 },
          silent: true,
        },
        {
          name: '組織',
          type: 'scatter',
          symbolSize: 12,
          // the confederation larger and named; the others named when few enough to read
          data: dots.map((d) => ({
            name: d.name,
            value: d.value,
            itemStyle: { color: COLORS[d.status] },
            ...(d.kind === 'confederation' ? { symbol: 'diamond', symbolSize: 18, label: { show: true, fontWeight: 'bold' } } : {}),
          })),
          label: { show: dots.length <= 12, position: 'right', formatter: '{b}', fontSize: 11, color: '#212529' },
        },
      ],
    }),
    [dots, top],
  );
  const label =
    `${formatFiscalYear(report.fiscalYear)}の各組織の女性組合員比率(横軸)と執行委員の女性比率(縦軸)の散布図。` +
    `点線のパリティ線より上または線上は組合員比率以上(達成)。達成 ${counts.met}、未達 ${counts.not_met}、未把握 ${counts.unknown}`;
  return (
    <>
      {dots.length === 0 && (
        <Text size="sm" data-testid="no-compositions">
          この年度の執行委員会の構成が記録された組織はまだありません。「構成を記録」から記録すると、ここに点が描かれます。
        </Text>
      )}
      <ChartFigure
        label={label}
        option={option}
        height={380}
        table={
          <Table withTableBorder striped fz="xs">
            <Table.Caption>散布図の数値</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>組織</Table.Th>
                <Table.Th ta="right">女性組合員比率</Table.Th>
                <Table.Th ta="right">執行委員の女性比率</Table.Th>
                <Table.Th>達成状況</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.organizations.map((o) => (
                <Table.Tr key={`${o.kind}:${o.id ?? ''}`}>
                  <Table.Th scope="row" fw="normal">
                    {o.name}
                  </Table.Th>
                  <Table.Td ta="right">{share(o.memberFemaleShare)}</Table.Td>
                  <Table.Td ta="right">{share(o.executiveWomenShare)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={o.executiveStatus} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </>
  );
}
