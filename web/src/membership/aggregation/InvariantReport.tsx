import { Alert, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatDateTime, formatMonth, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { unionQuery } from '../../structure/queries';
import { levelLabel } from './rebuild-job';

type Invariants = Schemas['InvariantsDto'];

function UnionName({ id }: { id: string }) {
  const union = useQuery(unionQuery(id));
  return <>{union.data?.name ?? '…'}</>;
}

/** The answer of GET /admin/invariants: all equal, or where the rollups and the ledger part. */
export function InvariantReport({ report }: { report: Invariants }) {
  const label = useLabels();
  const when = `${formatDateTime(report.checkedAt)}に確認`;
  const pending = report.pendingInOutbox > 0 ? `(集計待ちの記録 ${formatNumber(report.pendingInOutbox)}件は比較に含めていません)` : '';
  if (report.ok) {
    return (
      <Alert color="teal" role="status">
        <Text fw={700} span>
          集計と台帳は一致しています。
        </Text>
        {when}
        {pending}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" role="alert">
        <Text fw={700}>集計と台帳が一致していません。</Text>
        組合単位 {formatNumber(report.mismatchCount)}件、集計単位 {formatNumber(report.derivedMismatchCount)}件の不一致があります({when}){pending}。
        「再集計を開始」で台帳から集計し直してください。
      </Alert>
      {report.mismatches.length > 0 && (
        <Table withTableBorder striped>
          <Table.Caption>組合単位の不一致(台帳と集計)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>組合</Table.Th>
              <Table.Th>月</Table.Th>
              <Table.Th>雇用形態</Table.Th>
              <Table.Th>性別</Table.Th>
              <Table.Th>事由</Table.Th>
              <Table.Th ta="right">台帳</Table.Th>
              <Table.Th ta="right">集計</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.mismatches.map((m) => (
              <Table.Tr key={`${m.unionId}-${m.month}-${m.employmentType}-${m.gender}-${m.cause}`}>
                <Table.Td>
                  <UnionName id={m.unionId} />
                </Table.Td>
                <Table.Td>{formatMonth(m.month)}</Table.Td>
                <Table.Td>{label('employmentTypes', m.employmentType)}</Table.Td>
                <Table.Td>{label('genders', m.gender)}</Table.Td>
                <Table.Td>{label('causes', m.cause)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.ledger)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.rollup)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.derivedMismatches.length > 0 && (
        <Table withTableBorder striped>
          <Table.Caption>集計単位の不一致(組合単位の合計と集計)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>集計単位</Table.Th>
              <Table.Th>月</Table.Th>
              <Table.Th>内訳</Table.Th>
              <Table.Th ta="right">組合単位の合計</Table.Th>
              <Table.Th ta="right">集計</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.derivedMismatches.map((m) => (
              <Table.Tr key={`${m.level}-${m.groupKey}-${m.month}-${m.employmentType}-${m.gender}-${m.cause}-${m.measure}`}>
                <Table.Td>{levelLabel(m.level)}</Table.Td>
                <Table.Td>{formatMonth(m.month)}</Table.Td>
                <Table.Td>
                  {[m.employmentType && label('employmentTypes', m.employmentType), m.gender && label('genders', m.gender), m.cause && label('causes', m.cause)]
                    .filter(Boolean)
                    .join('・') || '計'}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(m.expected)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.rollup)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.mismatches.length + report.derivedMismatches.length < report.mismatchCount + report.derivedMismatchCount && (
        <Text size="sm" c="dimmed">
          表には先頭の一部だけを表示しています。
        </Text>
      )}
    </Stack>
  );
}
