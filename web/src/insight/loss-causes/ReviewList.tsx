import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatDate, formatMonth } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { lossReviewsQuery } from '../queries';

type Review = Schemas['LossReviewDto'];

/** Every council's reviews, newest first: what others found and did is shared. A council edits its own. */
export function ReviewList({ mayEdit, onEdit }: { mayEdit: (review: Review) => boolean; onEdit: (review: Review) => void }) {
  const reviews = useQuery(lossReviewsQuery);
  return (
    <Stack component="section" aria-labelledby="reviews-heading" gap="xs">
      <Title order={2} id="reviews-heading" size="h3">
        各地域連合の振り返り
      </Title>
      <QueryState isPending={reviews.isPending} error={reviews.error}>
        {() =>
          reviews.data?.items.length ? (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {reviews.data.items.map((r) => (
                <Card component="li" withBorder key={r.id} padding="sm">
                  <Group justify="space-between">
                    <Text fw={700}>
                      {r.regionalCouncilName}・{formatMonth(r.periodFrom)}〜{formatMonth(r.periodTo)}
                    </Text>
                    <Group gap="xs">
                      <Text size="xs" c="dimmed">
                        記録 {formatDate(String(r.createdAt).slice(0, 10))}
                      </Text>
                      {mayEdit(r) && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          className="no-print"
                          onClick={() => onEdit(r)}
                          aria-label={`${r.regionalCouncilName}・${formatMonth(r.periodFrom)}〜${formatMonth(r.periodTo)}の振り返りを編集`}
                        >
                          編集
                        </Button>
                      )}
                    </Group>
                  </Group>
                  <Group gap={4} my={4}>
                    {r.causeLabels.map((c) => (
                      <Badge key={c.cause} variant="light" c="var(--mantine-color-black)">
                        {c.label}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm">
                    <Text span fw={700}>
                      把握した内容:
                    </Text>
                    {r.findings}
                  </Text>
                  <Text size="sm">
                    <Text span fw={700}>
                      対策:
                    </Text>
                    {r.countermeasures}
                  </Text>
                </Card>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">まだ振り返りは記録されていません。</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}
