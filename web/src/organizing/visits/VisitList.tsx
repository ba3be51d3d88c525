import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../platform/format/format';
import type { Visit } from '../queries';

/** The visits at the workplace, newest first; the person's own can be corrected. */
export function VisitList({ visits, myId, onEdit }: { visits: Visit[]; myId: string; onEdit: (visit: Visit) => void }) {
  if (visits.length === 0) return <Text size="sm">まだ訪問の記録がありません。</Text>;
  const newestFirst = [...visits].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {newestFirst.map((v) => (
        <li key={v.id}>
          <Card withBorder padding="sm" radius="md" data-testid="visit">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700} size="sm">
                {formatDate(v.occurredOn)} {v.kindLabel}
              </Text>
              {v.organizerId === myId && (
                <Button size="compact-sm" variant="default" onClick={() => onEdit(v)} aria-label={`${formatDate(v.occurredOn)}の訪問記録を修正`}>
                  修正
                </Button>
              )}
            </Group>
            <Text size="sm">
              {[v.outcomeLabel, v.supportLevelLabel ? `支持度 ${v.supportLevel} ${v.supportLevelLabel}` : null].filter(Boolean).join('・') ||
                '結果・支持度 未記入'}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {v.summary}
            </Text>
            <Text size="xs" c="gray.7">
              {v.organizerName}
              {v.nextActionOn ? `・次回 ${formatDate(v.nextActionOn)}` : ''}
            </Text>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
