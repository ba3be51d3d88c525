import { Table, Text } from '@mantine/core';
import { formatFiscalYear, formatMonth, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { points, share, type Participation } from './participation';
import { StatusBadge } from './StatusBadge';

/** The executive committee against the members, per organization, beside last year's. */
export function ExecutiveTable({ report }: { report: Participation }) {
  return (
    <Table withTableBorder striped data-testid="gender-participation-table">
      <Table.Caption>
        {formatFiscalYear(report.fiscalYear)}。女性組合員比率は各年度末(年度中は今月末)の組合員数から。差は執行委員の女性比率と女性組合員比率の差(ポイント)。
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>組織</Table.Th>
          <Table.Th ta="right">組合員数</Table.Th>
          <Table.Th ta="right">女性組合員比率</Table.Th>
          <Table.Th ta="right">性別の把握率</Table.Th>
          <Table.Th ta="right">執行委員の女性比率</Table.Th>
          <Table.Th ta="right">差</Table.Th>
          <Table.Th>達成状況</Table.Th>
          <Table.Th>女性枠</Table.Th>
          <Table.Th ta="right">前年度の執行委員の女性比率</Table.Th>
          <Table.Th>前年度</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.organizations.map((o) => (
          <Table.Tr key={`${o.kind}:${o.id ?? ''}`}>
            <OrganizationCell organization={o} />
            <Table.Td ta="right">{formatNumber(o.members)}</Table.Td>
            <Table.Td ta="right">{share(o.memberFemaleShare)}</Table.Td>
            <Table.Td ta="right">{share(o.memberGenderCoverage)}</Table.Td>
            <Table.Td ta="right">
              {share(o.executiveWomenShare)}
              {o.executiveSeats !== null && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({formatNumber(o.executiveWomen ?? 0)}/{formatNumber(o.executiveSeats)}人)
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{points(o.executiveGapPoints)}</Table.Td>
            <Table.Td>
              <StatusBadge status={o.executiveStatus} />
            </Table.Td>
            <Table.Td>{o.womenQuota === null ? '-' : o.womenQuota ? 'あり' : 'なし'}</Table.Td>
            <Table.Td ta="right">{share(o.previous.executiveWomenShare)}</Table.Td>
            <Table.Td>
              <StatusBadge status={o.previous.executiveStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The row's heading: the organization, the confederation in bold. */
function OrganizationCell({ organization }: { organization: Participation['organizations'][number] }) {
  return (
    <Table.Th scope="row" fw={organization.kind === 'confederation' ? 700 : 'normal'}>
      {organization.name}
    </Table.Th>
  );
}

/** The plan's five targets per organization: 達成 / 未達 / 未把握. */
export function TargetsTable({ report }: { report: Participation }) {
  const label = useLabels();
  const targets = report.organizations[0]?.targets.map((t) => t.target) ?? [];
  return (
    <Table withTableBorder striped fz="sm" data-testid="gender-targets-table">
      <Table.Caption>
        組合員の男女比率の把握は、性別が分かる組合員が{share(report.surveyedCoverage)}以上で達成。
        {report.organizations[0] && `組合員数は${formatMonth(report.organizations[0].month)}末。`}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>組織</Table.Th>
          {targets.map((t) => (
            <Table.Th key={t}>{label('genderTargets', t)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.organizations.map((o) => (
          <Table.Tr key={`${o.kind}:${o.id ?? ''}`}>
            <OrganizationCell organization={o} />
            {o.targets.map((t) => (
              <Table.Td key={t.target}>
                <StatusBadge status={t.status} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
