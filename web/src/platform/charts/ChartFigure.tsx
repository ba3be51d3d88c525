import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEChart } from './useEChart';

interface Props {
  /** What the chart shows, said in a sentence: its accessible name. */
  label: string;
  option: EChartsCoreOption;
  /** The same numbers as a table. */
  table: ReactNode;
  height?: number;
  /** The table shown open (beside a chart, it is the main view). */
  tableOpen?: boolean;
}

/** A chart (role="img", named by `label`) and a table view of the same numbers. */
export function ChartFigure({ label, option, table, height = 300, tableOpen = false }: Props) {
  const ref = useEChart(option, label);
  return (
    <Box component="figure" m={0}>
      <div ref={ref} role="img" aria-label={label} style={{ height, width: '100%' }} />
      <details open={tableOpen}>
        <summary>
          <Text span size="sm">
            表で見る
          </Text>
        </summary>
        {table}
      </details>
    </Box>
  );
}
