import { Badge } from '@mantine/core';
import { useLabels } from '../../platform/labels/labels';
import { STATUS_COLORS, type ParityStatus } from './participation';

/** 達成 / 未達 / 未把握, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: ParityStatus }) {
  const label = useLabels();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c="var(--mantine-color-black)" data-status={status}>
      {label('parityStatuses', status)}
    </Badge>
  );
}
