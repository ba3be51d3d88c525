import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatFiscalYear } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { genderParticipationQuery } from '../queries';
import { points, share } from './participation';
import { StatusBadge } from './StatusBadge';

/** The dashboard's panel: the confederation's own bodies against its members' female share, and the plan's targets. */
export function GenderEqualitySection({ fiscalYear }: { fiscalYear: number }) {
  const label = useLabels();
  const reportOf = genderParticipationQuery({ fiscalYear, groupBy: 'federation' });
  const report = useQuery(reportOf);
  const own = report.data?.organizations.find((o) => o.kind === 'confederation');
  return (
    <Stack component="section" aria-labelledby="gender-equality-heading" gap="xs">
      <Title order={2} id="gender-equality-heading" size="h3">
        ジェンダー平等(連合神奈川の機関)
      </Title>
      <ExportButtons name="ジェンダー平等推進計画の達成状況" of={reportOf} />
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          own && (
            <>
              <Group gap="xl" data-testid="gender-equality-panel">
                <Text>
                  女性組合員比率{' '}
                  <Text span fw={700} fz={22}>
                    {share(own.memberFemaleShare)}
                  </Text>
                </Text>
                <Text>
                  執行委員の女性比率{' '}
                  <Text span fw={700} fz={22}>
                    {share(own.executiveWomenShare)}
                  </Text>{' '}
                  (差 {points(own.executiveGapPoints)})
                </Text>
                <StatusBadge status={own.executiveStatus} />
              </Group>
              <Table withTableBorder fz="sm">
                <Table.Caption>
                  {formatFiscalYear(fiscalYear)}の計画の目標(前年度と比べて)。性別の把握率 {share(own.memberGenderCoverage)}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>目標</Table.Th>
                    <Table.Th>{formatFiscalYear(fiscalYear)}</Table.Th>
                    <Table.Th>{formatFiscalYear(fiscalYear - 1)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {own.targets.map((t) => (
                    <Table.Tr key={t.target}>
                      <Table.Th scope="row" fw="normal">
                        {label('genderTargets', t.target)}
                      </Table.Th>
                      <Table.Td>
                        <StatusBadge status={t.status} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={own.previous.targets.find((p) => p.target === t.target)?.status ?? 'unknown'} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
