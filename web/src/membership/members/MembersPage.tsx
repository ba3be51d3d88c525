import { useState } from 'react';
import { Button, Grid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { SortableTable } from '../../platform/tables/SortableTable';
import { unionQuery } from '../../structure/queries';
import { unionsQuery } from '../queries';
import { UnionPanel } from './UnionPanel';
import { ExportButtons } from '../../platform/tables/ExportButtons';

/** 組合員数: the federation's unions with their members now; pick one to record a change. */
export function MembersPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const [q, setQ] = useState('');
  // the union on the right is in the address (?union=…), so it can be linked to and bookmarked
  const selectedId = useRouterState({ select: (state) => new URLSearchParams(state.location.searchStr).get('union') ?? undefined });
  const navigate = useNavigate();
  const setSelectedId = (union: string) => void navigate({ href: `/members?union=${encodeURIComponent(union)}` });
  const unionsOnScreen = unionsQuery({ federationId: me.federationId, q });
  const unions = useQuery(unionsOnScreen);
  const items = unions.data?.items ?? [];
  // a union not in the list (another page of it, or outside the person's scope) is read by its id
  const listed = items.find((u) => u.id === selectedId);
  const byId = useQuery({ ...unionQuery(selectedId ?? ''), enabled: Boolean(selectedId) && !listed && !unions.isPending });
  const selected = listed ?? byId.data;
  const total = items.reduce((sum, u) => sum + u.currentMembers, 0);

  return (
    <Stack gap="lg">
      <Title order={1}>組合員数</Title>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xs">
            <TextInput label="単組を検索" placeholder="組合名・企業名" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={280} />
            <ExportButtons name="単組と現在の組合員数" of={unionsOnScreen} />
            <QueryState isPending={unions.isPending} error={unions.error}>
              {() => (
                <>
                  <Text size="sm">
                    {items.length}組合・計 <span data-testid="members-total">{formatNumber(total)}</span>人
                  </Text>
                  <SortableTable
                    caption="単組と現在の組合員数"
                    rows={items}
                    rowKey={(u) => u.id}
                    initialSort={{ key: 'members', direction: 'descending' }}
                    columns={[
                      { key: 'name', header: '組合名', value: (u) => u.name },
                      { key: 'council', header: '地域連合', value: (u) => u.regionalCouncilName },
                      { key: 'members', header: '組合員数', value: (u) => u.currentMembers, render: (u) => formatNumber(u.currentMembers), numeric: true },
                      {
                        key: 'action',
                        header: '操作',
                        value: () => '',
                        render: (u) => (
                          <Button
                            size="compact-xs"
                            variant={u.id === selectedId ? 'filled' : 'default'}
                            onClick={() => setSelectedId(u.id)}
                            aria-label={`${u.name}の増減を記録`}
                          >
                            増減を記録
                          </Button>
                        ),
                      },
                    ]}
                  />
                </>
              )}
            </QueryState>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {selected ? (
            <UnionPanel key={selected.id} union={selected} />
          ) : selectedId && !listed ? (
            <QueryState isPending={byId.isPending} error={byId.error}>
              {() => null}
            </QueryState>
          ) : (
            <Text c="dimmed">左の表で単組を選ぶと、増減を記録できます。</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
