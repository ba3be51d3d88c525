import { useMemo, useState } from 'react';
import { Grid, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { useQuery } from '@tanstack/react-query';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatMonth, formatNumber, formatShare } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { genderQuery, type GenderGroupBy } from '../queries';

const GROUPINGS: { value: GenderGroupBy; label: string }[] = [
  { value: 'federation', label: '構成組織別' },
  { value: 'regionalCouncil', label: '地域連合別' },
];

const share = (value: number | null | undefined): string => (value === null || value === undefined ? '-' : formatShare(value));

/** The female share at the period's last month end: overall, and per federation or council. */
export function GenderSection({ month, asPublished }: { month: string; asPublished?: true }) {
  const [groupBy, setGroupBy] = useState<GenderGroupBy>('federation');
  const query = genderQuery({ groupBy, month, asPublished });
  const report = useQuery(query);
  const grouping = GROUPINGS.find((g) => g.value === groupBy)?.label ?? '';
  const groups = useMemo(() => report.data?.groups ?? [], [report.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.label) },
      series: [{ name: '女性比率', type: 'bar', data: groups.map((g) => Math.round((g.femaleShare ?? 0) * 1000) / 10), itemStyle: { color: '#c2255c' } }],
    }),
    [groups],
  );
  return (
    <Stack component="section" aria-labelledby="gender-heading" gap="xs">
      <Title order={2} id="gender-heading" size="h3">
        女性組合員の比率
      </Title>
      <SegmentedControl
        className="no-print"
        value={groupBy}
        onChange={(v) => setGroupBy(v === 'regionalCouncil' ? 'regionalCouncil' : 'federation')}
        data={GROUPINGS}
        aria-label="女性比率の集計単位"
        w="fit-content"
      />
      <ExportButtons name="女性組合員の比率" of={query} />
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          report.data && (
            <>
              <Text>
                {formatMonth(report.data.month)}末の女性比率{' '}
                <Text span fz={26} fw={700} data-testid="female-share">
                  {share(report.data.total.femaleShare)}
                </Text>
                (女性 {formatNumber(report.data.total.female)}人 / 組合員 {formatNumber(report.data.total.members)}人。性別が分かる組合員のうち{' '}
                {share(report.data.total.femaleShareOfKnown)}){report.data.published && '・公表値'}
              </Text>
              <Grid>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <ChartFigure
                    label={`${grouping}の女性比率の横棒グラフ(${formatMonth(report.data.month)}末)。全体は ${share(report.data.total.femaleShare)}`}
                    option={option}
                    height={Math.max(200, groups.length * 22 + 40)}
                    table={<p>右の表に同じ数値があります。</p>}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <Table withTableBorder striped fz="xs" data-testid="gender-table">
                    <Table.Caption>{`${grouping}の女性比率(${formatMonth(report.data.month)}末)`}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>名称</Table.Th>
                        <Table.Th ta="right">組合員数</Table.Th>
                        <Table.Th ta="right">女性</Table.Th>
                        <Table.Th ta="right">女性比率</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {groups.map((g) => (
                        <Table.Tr key={g.key}>
                          <Table.Th scope="row" fw="normal">
                            {g.label}
                          </Table.Th>
                          <Table.Td ta="right">
                            {formatNumber(g.members)}
                            {g.publishedMembers !== undefined && ` (公表値 ${formatNumber(g.publishedMembers)})`}
                          </Table.Td>
                          <Table.Td ta="right">{formatNumber(g.female)}</Table.Td>
                          <Table.Td ta="right">{share(g.femaleShare)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Grid.Col>
              </Grid>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
