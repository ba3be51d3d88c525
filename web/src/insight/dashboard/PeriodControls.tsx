import { Group, NativeSelect, SegmentedControl } from '@mantine/core';
import { fiscalYearChoices } from './fiscal-year';

export type Figures = 'live' | 'published';

interface Props {
  fiscalYear: number;
  onFiscalYear: (year: number) => void;
  figures: Figures;
  onFigures: (figures: Figures) => void;
  currentMonth: string;
}

/** The fiscal year every report on the page covers, and whether closed months show their published figures. */
export function PeriodControls({ fiscalYear, onFiscalYear, figures, onFigures, currentMonth }: Props) {
  return (
    <Group align="flex-end" className="no-print">
      <NativeSelect
        label="年度"
        value={String(fiscalYear)}
        onChange={(event) => onFiscalYear(Number(event.currentTarget.value))}
        data={fiscalYearChoices(currentMonth)}
      />
      <SegmentedControl
        aria-label="表示する数値"
        value={figures}
        onChange={(value) => onFigures(value === 'published' ? 'published' : 'live')}
        data={[
          { value: 'live', label: '最新値' },
          { value: 'published', label: '公表値' },
        ]}
      />
    </Group>
  );
}
