import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../platform/format/format';
import type { StageChange } from '../queries';

/** Every stage the workplace entered, newest first: when, from what, who, and why. */
export function StageHistory({ changes }: { changes: StageChange[] }) {
  const newestFirst = [...changes].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <Timeline active={0} bulletSize={14} lineWidth={2}>
      {newestFirst.map((c) => (
        <Timeline.Item key={c.id} title={c.fromStageLabel ? `${c.fromStageLabel} → ${c.toStageLabel}` : `${c.toStageLabel}(${c.kindLabel})`}>
          <Text size="sm">
            {formatDateTime(c.changedAt)}
            {c.changedByName ? `・${c.changedByName}` : ''}
          </Text>
          {c.note && <Text size="sm">{c.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
