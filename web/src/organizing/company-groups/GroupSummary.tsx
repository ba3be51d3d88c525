import { Table } from '@mantine/core';
import { formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { formatRate } from './group-format';
import type { GroupTotals } from './model';

/** The group's totals: companies, employees, members, rate, unorganized companies (in the prefecture), prospects by stage. */
export function GroupSummary({ totals, caption, prefecture }: { totals: GroupTotals; caption: string; prefecture?: string }) {
  const label = useLabels();
  const stages = Object.entries(totals.prospectsByStage).filter(([, n]) => n > 0);
  return (
    <Table withTableBorder variant="vertical" layout="fixed" maw={720} data-testid="group-totals">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={200}>企業数</Table.Th>
          <Table.Td>{formatNumber(totals.companies)}社</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>従業員</Table.Th>
          <Table.Td>{formatNumber(totals.employees)}人</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>組合員</Table.Th>
          <Table.Td data-testid="group-members">{formatNumber(totals.organizedMembers)}人</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>組織率</Table.Th>
          <Table.Td>{formatRate(totals.organizationRate)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>未組織の企業</Table.Th>
          <Table.Td>
            {formatNumber(totals.unorganizedCompanies)}社(うち{prefecture ?? '県内'} {formatNumber(totals.unorganizedInPrefecture)}社)
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>事業所(ステージ別)</Table.Th>
          <Table.Td>{stages.length === 0 ? 'なし' : stages.map(([stage, n]) => `${label('stages', stage)} ${formatNumber(n)}件`).join('、')}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
