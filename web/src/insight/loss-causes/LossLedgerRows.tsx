import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDate, formatDelta, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { lossLedgerQuery } from '../queries';
import { type LossCauseKey, lostBy } from './loss-ledger';

interface Props {
  unionId: string;
  /** One cause, or every decrease cause. */
  cause?: LossCauseKey;
  from: string;
  to: string;
  /** The report's figure these rows sum to. */
  members: number;
}

/** The ledger rows behind one union's loss in a period, every page of them, with their total. */
export function LossLedgerRows({ unionId, cause, from, to, members }: Props) {
  const label = useLabels();
  const rows = useQuery(lossLedgerQuery({ unionId, cause, from, to }));
  return (
    <QueryState isPending={rows.isPending} error={rows.error}>
      {() => {
        const items = rows.data!;
        const lost = lostBy(items);
        return (
          <>
            <Table withTableBorder striped captionSide="top">
              <Table.Caption>
                台帳の行 全{formatNumber(items.length)}件、減少の合計 {formatNumber(lost)}人
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>発効日</Table.Th>
                  <Table.Th ta="right">増減数</Table.Th>
                  <Table.Th>事由</Table.Th>
                  <Table.Th>雇用形態</Table.Th>
                  <Table.Th>備考</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDate(c.effectiveOn)}</Table.Td>
                    <Table.Td ta="right">{formatDelta(c.delta)}</Table.Td>
                    <Table.Td>{c.reversalOf ? `取消(${c.causeLabel})` : c.causeLabel}</Table.Td>
                    <Table.Td>{label('employmentTypes', c.employmentType)}</Table.Td>
                    <Table.Td>{c.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Td>合計</Table.Td>
                  <Table.Td ta="right">{formatDelta(-lost)}</Table.Td>
                  <Table.Td colSpan={3}>減少 {formatNumber(lost)}人</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
            {lost !== members && (
              <Text c="orange.9" size="sm" role="status">
                集計({formatNumber(members)}人)にまだ反映されていない行があります。しばらくして開き直してください。
              </Text>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
