import { useState } from 'react';
import { Stack, Table, Tabs, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from '../platform/format/format';
import { useLabels } from '../platform/labels/labels';
import { QueryState } from '../platform/shell/QueryState';
import { SortableTable } from '../platform/tables/SortableTable';
import { councilsQuery, federationsQuery, sectorsQuery, unionSearchQuery } from './queries';
import { ExportButtons } from '../platform/tables/ExportButtons';

function UnionsTab() {
  const [q, setQ] = useState('');
  const label = useLabels();
  const query = unionSearchQuery(q);
  const unions = useQuery(query);
  return (
    <Stack gap="xs">
      <TextInput label="単組を検索" placeholder="組合名・企業名・コード" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={300} />
      <ExportButtons name="単組" of={query} />
      <QueryState isPending={unions.isPending} error={unions.error}>
        {() => (
          <SortableTable
            caption={`単組(${formatNumber(unions.data?.total ?? 0)}件中 最大200件)`}
            rows={unions.data?.items ?? []}
            rowKey={(u) => u.id}
            columns={[
              { key: 'name', header: '組合名', value: (u) => u.name },
              { key: 'federation', header: '構成組織', value: (u) => u.federationName ?? '-' },
              { key: 'council', header: '地域連合', value: (u) => u.regionalCouncilName },
              { key: 'kind', header: '種別', value: (u) => label('unionKinds', u.kind) },
              { key: 'members', header: '組合員数', value: (u) => u.currentMembers, render: (u) => formatNumber(u.currentMembers), numeric: true },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** 組織: sectors, federations, regional councils and unions (reference data, read here). */
export function StructurePage() {
  const sectors = useQuery(sectorsQuery);
  const federations = useQuery(federationsQuery);
  const councils = useQuery(councilsQuery);
  const sectorName = (code: string) => sectors.data?.items.find((s) => s.code === code)?.name ?? code;
  return (
    <Stack gap="lg">
      <Title order={1}>組織</Title>
      <Tabs defaultValue="unions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="unions">単組</Tabs.Tab>
          <Tabs.Tab value="federations">構成組織</Tabs.Tab>
          <Tabs.Tab value="councils">地域連合</Tabs.Tab>
          <Tabs.Tab value="sectors">産業別部門</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="unions" pt="md">
          <UnionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="federations" pt="md">
          <ExportButtons name="構成組織" of={federationsQuery} />
          <QueryState isPending={federations.isPending} error={federations.error}>
            {() => (
              <SortableTable
                caption="構成組織"
                rows={federations.data?.items ?? []}
                rowKey={(f) => f.id}
                columns={[
                  { key: 'code', header: 'コード', value: (f) => f.code },
                  { key: 'name', header: '名称', value: (f) => f.name },
                  { key: 'sector', header: '産業別部門', value: (f) => sectorName(f.sectorCode) },
                ]}
              />
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="councils" pt="md">
          <ExportButtons name="地域連合" of={councilsQuery} />
          <QueryState isPending={councils.isPending} error={councils.error}>
            {() => (
              <Table withTableBorder striped>
                <Table.Caption>地域連合と区域</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>名称</Table.Th>
                    <Table.Th>区域(市区町村)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(councils.data?.items ?? []).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{c.municipalities.join('、')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="sectors" pt="md">
          <ExportButtons name="産業別部門" of={sectorsQuery} />
          <QueryState isPending={sectors.isPending} error={sectors.error}>
            {() => (
              <Table withTableBorder striped>
                <Table.Caption>産業別部門</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>コード</Table.Th>
                    <Table.Th>名称</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(sectors.data?.items ?? []).map((s) => (
                    <Table.Tr key={s.code}>
                      <Table.Td>{s.code}</Table.Td>
                      <Table.Td>{s.name}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
