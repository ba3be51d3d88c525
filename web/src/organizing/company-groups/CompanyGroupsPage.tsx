import { useState } from 'react';
import { Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { AnchorLink } from './AnchorLink';
import { formatRate, searchTerm } from './group-format';
import { PREFECTURES } from './prefectures';
import { companiesQuery, targetGroupsQuery, type TargetFilter } from './queries';

/** Companies found by name (normalised as the API matches it) or 法人番号; each opens its page and group. */
function CompanySearch() {
  const [input, setInput] = useState('');
  const [q] = useDebouncedValue(searchTerm(input), 300);
  const found = useQuery({ ...companiesQuery({ q }), enabled: q.length > 0 });
  return (
    <Stack gap="xs" component="section" aria-labelledby="search-heading">
      <Title order={2} size="h3" id="search-heading">
        企業を探す
      </Title>
      <TextInput
        label="企業名・法人番号"
        description="企業名の一部(株式会社・(株)は省略可)か、13桁の法人番号"
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      {q.length > 0 && (
        <QueryState isPending={found.isPending} error={found.error}>
          {() => {
            const items = found.data?.items ?? [];
            if (items.length === 0) return <Text>該当する企業はありません。</Text>;
            return (
              <Table withTableBorder striped data-testid="company-results">
                <Table.Caption>
                  「{q}」に該当する企業 {formatNumber(found.data?.total ?? items.length)}社
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>企業名</Table.Th>
                    <Table.Th>法人番号</Table.Th>
                    <Table.Th>所在地</Table.Th>
                    <Table.Th>業種</Table.Th>
                    <Table.Th ta="right">従業員</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <AnchorLink to="/company-groups/$companyId" params={{ companyId: c.id }}>
                          {c.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{c.corporateNumber ?? '-'}</Table.Td>
                      <Table.Td>{[c.prefecture, c.municipality].filter(Boolean).join('') || '-'}</Table.Td>
                      <Table.Td>{c.industryLabel ?? '-'}</Table.Td>
                      <Table.Td ta="right">{c.employees ? `${formatNumber(c.employees.count)}人` : '-'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          }}
        </QueryState>
      )}
    </Stack>
  );
}

/** The target list: groups with a union affiliated here, and (the filter) unorganized companies, in a prefecture. */
function TargetList() {
  const [filter, setFilter] = useState<TargetFilter>({ prefecture: '神奈川県', hasUnorganized: true });
  const query = targetGroupsQuery(filter);
  const groups = useQuery(query);
  const where = filter.prefecture ?? '全国';
  // the API counts unorganized companies in 神奈川県 when no prefecture is named
  const counted = filter.prefecture ?? '神奈川県';
  return (
    <Stack gap="xs" component="section" aria-labelledby="targets-heading">
      <Title order={2} size="h3" id="targets-heading">
        組織化の対象(連合加盟の労組があるグループ)
      </Title>
      <Group align="flex-end" gap="lg">
        <NativeSelect
          label="都道府県"
          value={filter.prefecture ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, prefecture: e.currentTarget.value || undefined }))}
          data={[{ value: '', label: 'すべて' }, ...PREFECTURES.map((p) => ({ value: p, label: p }))]}
        />
        <Checkbox
          label="未組織の関連企業がある"
          checked={filter.hasUnorganized === true}
          onChange={(e) => setFilter((f) => ({ ...f, hasUnorganized: e.currentTarget.checked ? true : undefined }))}
          mb={6}
        />
        <ExportButtons name="組織化の対象グループ" of={query} />
      </Group>
      <QueryState isPending={groups.isPending} error={groups.error}>
        {() => {
          const items = groups.data?.items ?? [];
          if (items.length === 0) return <Text>条件に合うグループはありません。</Text>;
          return (
            <Table.ScrollContainer minWidth={760}>
              <Table withTableBorder striped data-testid="target-groups">
                <Table.Caption>
                  {where}の対象 {formatNumber(items.length)}グループ({counted}の未組織の企業が多い順)
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>グループ(最上位の親会社)</Table.Th>
                    <Table.Th ta="right">企業数</Table.Th>
                    <Table.Th ta="right">従業員</Table.Th>
                    <Table.Th ta="right">組合員</Table.Th>
                    <Table.Th ta="right">組織率</Table.Th>
                    <Table.Th ta="right">未組織の企業</Table.Th>
                    <Table.Th ta="right">うち{counted}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((g) => (
                    <Table.Tr key={g.company.id}>
                      <Table.Td>
                        <AnchorLink to="/company-groups/$companyId" params={{ companyId: g.company.id }}>
                          {g.company.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(g.totals.companies)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.totals.employees)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.totals.organizedMembers)}</Table.Td>
                      <Table.Td ta="right">{formatRate(g.totals.organizationRate)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.totals.unorganizedCompanies)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.totals.unorganizedInPrefecture)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** 企業グループ (every role): find a company by name or 法人番号 and open its group; the target list of groups to organize. */
export function CompanyGroupsPage() {
  return (
    <Stack gap="xl">
      <Title order={1}>企業グループ</Title>
      <CompanySearch />
      <TargetList />
    </Stack>
  );
}
