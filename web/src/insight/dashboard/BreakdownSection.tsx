import { useMemo, useState } from 'react';
import { Grid, SegmentedControl, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ChartFigure } from '../../platform/charts/ChartFigure';
import { formatDelta, formatMonth, formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { SortableTable } from '../../platform/tables/SortableTable';
import { growthQuery } from '../queries';
import type { MonthRange } from './fiscal-year';
import { breakdownRows, type BreakdownRow } from './figures';
import { ExportButtons } from '../../platform/tables/ExportButtons';

const GROUPINGS = [
  { value: 'federation', label: '構成組織別' },
  { value: 'regionalCouncil', label: '地域連合別' },
  { value: 'sector', label: '産業別部門別' },
] as const;
type Grouping = (typeof GROUPINGS)[number]['value'];

/** Members and the year's net change per federation, council or sector: a sortable table beside a bar chart. */
export function BreakdownSection({ range, asPublished }: { range: MonthRange; asPublished?: true }) {
  const [groupBy, setGroupBy] = useState<Grouping>('federation');
  const query = growthQuery({ ...range, groupBy, asPublished });
  const growth = useQuery(query);
  const rows = useMemo(() => (growth.data ? breakdownRows(growth.data) : []), [growth.data]);
  const grouping = GROUPINGS.find((g) => g.value === groupBy)?.label ?? '';
  const top = useMemo(() => [...rows].sort((a, b) => b.members - a.members).slice(0, 15), [rows]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.label) },
      series: [{ name: '組合員数', type: 'bar', data: top.map((r) => r.members) }],
    }),
    [top],
  );
  const period = `${formatMonth(range.from)}〜${formatMonth(range.to)}`;
  return (
    <Stack component="section" aria-labelledby="breakdown-heading" gap="xs">
      <Title order={2} id="breakdown-heading" size="h3">
        {grouping}の組合員数と純増減
      </Title>
      <SegmentedControl
        className="no-print"
        value={groupBy}
        onChange={(v) => setGroupBy(v)}
        data={GROUPINGS.map((g) => ({ value: g.value, label: g.label }))}
        aria-label="集計の単位"
        w="fit-content"
      />
      <ExportButtons name={`${grouping}の組合員数と純増減`} of={query} />
      <QueryState isPending={growth.isPending} error={growth.error}>
        {() => (
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <SortableTable<BreakdownRow>
                caption={`${grouping}(月末組合員数は${formatMonth(range.to)}、純増減は${period})`}
                rows={rows}
                rowKey={(r) => r.key}
                initialSort={{ key: 'members', direction: 'descending' }}
                columns={[
                  { key: 'label', header: '名称', value: (r) => r.label },
                  { key: 'members', header: '組合員数', value: (r) => r.members, render: (r) => formatNumber(r.members), numeric: true },
                  { key: 'net', header: '純増減', value: (r) => r.net, render: (r) => formatDelta(r.net), numeric: true },
                ]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ChartFigure
                label={`${grouping}の組合員数の横棒グラフ(多い順に上位${top.length})。数値は左の表と同じ`}
                option={option}
                height={Math.max(240, top.length * 28 + 40)}
                table={<p>左の表に同じ数値があります。</p>}
              />
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </Stack>
  );
}
