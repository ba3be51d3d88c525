import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouteContext } from '@tanstack/react-router';
import { formatDate, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { daysInStage, groupByStage } from '../pipeline/stages';
import { prospectsQuery, todayInJapan, type Prospect } from '../queries';

function ProspectCard({ prospect, today }: { prospect: Prospect; today: string }) {
  const due = prospect.nextActionOn !== null && prospect.nextActionOn <= today;
  return (
    <Link to="/prospects/$id" params={{ id: prospect.id }} style={{ display: 'block', color: 'inherit', textDecoration: 'none' }} data-testid="prospect-card">
      <Card withBorder padding="sm" radius="md">
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {prospect.employerName}
        </Text>
        {prospect.establishmentName && (
          <Text size="xs" c="gray.7">
            {prospect.establishmentName}
          </Text>
        )}
        <Text size="sm">このステージで{formatNumber(daysInStage(prospect.stageChangedAt, today))}日</Text>
        <Text size="sm" c={due ? 'red.8' : undefined} fw={due ? 700 : undefined}>
          次回 {prospect.nextActionOn ? formatDate(prospect.nextActionOn) : '未定'}
          {due ? '(対応日)' : ''}
        </Text>
      </Card>
    </Link>
  );
}

/**
 * 担当事業所: an organizer's workplaces by stage, with days in stage and the next action; council
 * staff see all their council's workplaces as a board (columns on a desktop, stacked on a phone).
 */
export function ProspectsPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const board = me.role === 'regional';
  const filter = board ? { regionalCouncilId: me.regionalCouncilId ?? undefined } : { assignedOrganizerId: me.id };
  const prospects = useQuery(prospectsQuery({ ...filter, ...(q ? { q } : {}) }));
  const today = todayInJapan();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>担当事業所</Title>
        {board && (
          <Button component={Link} to="/prospects/new">
            新規事業所
          </Button>
        )}
      </Group>
      <TextInput
        label="事業所を検索"
        description="事業主名・フリガナ・事業所名の一部"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      <QueryState isPending={prospects.isPending} error={prospects.error}>
        {() => {
          const items = prospects.data?.items ?? [];
          const groups = groupByStage(items).filter((g) => board || g.items.length > 0);
          if (items.length === 0) return <Text>該当する事業所はありません。</Text>;
          return (
            <SimpleGrid cols={board ? { base: 1, sm: 2, lg: 4 } : 1} spacing="md" data-testid={board ? 'prospects-board' : 'prospects-by-stage'}>
              {groups.map((group) => (
                <Stack key={group.stage} gap="xs" component="section" aria-labelledby={`stage-${group.stage}`}>
                  <Group gap="xs">
                    <Title order={2} size="h4" id={`stage-${group.stage}`}>
                      {label('stages', group.stage)}
                    </Title>
                    <Badge variant="light" color="gray">
                      {formatNumber(group.items.length)}件
                    </Badge>
                  </Group>
                  {group.items.map((p) => (
                    <ProspectCard key={p.id} prospect={p} today={today} />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
