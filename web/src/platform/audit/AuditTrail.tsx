import { Button, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { QueryState } from '../shell/QueryState';
import { AuditTable } from './AuditTable';
import type { FieldLabels } from './audit-changes';
import type { AuditPage } from './queries';

interface Props {
  pages: UseInfiniteQueryResult<InfiniteData<AuditPage>>;
  caption: string;
  fields: FieldLabels;
  links?: boolean;
  /** What to say when there is nothing to show. */
  empty: string;
}

/** Pages of audited events, read by cursor: the table of those read so far and 「さらに表示」 for older ones. */
export function AuditTrail({ pages, caption, fields, links, empty }: Props) {
  const events = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryState isPending={pages.isPending} error={pages.error}>
      {() =>
        events.length === 0 ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <Stack gap="xs">
            <AuditTable caption={caption} events={events} fields={fields} links={links} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                新しい順に {events.length}件を表示{pages.hasNextPage ? '(さらに古い記録があります)' : '(これですべてです)'}
              </Text>
              {pages.hasNextPage && (
                <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  さらに表示
                </Button>
              )}
            </Group>
          </Stack>
        )
      }
    </QueryState>
  );
}
