import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { formatDate, formatDelta, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { unionNamesQuery, type MembershipChange } from '../members/queries';
import { ledgerRowsQuery } from './queries';

const SHOWN = 100;

/** The ledger entries one import wrote (and their reversals), with the unions' names. */
export function LedgerRows({ importId }: { importId: string }) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const changes = useQuery(ledgerRowsQuery(importId, SHOWN));
  const unions = useQuery(unionNamesQuery(me.federationId));
  const unionName = (id: string) => unions.data?.items.find((u) => u.id === id)?.name ?? '';

  return (
    <QueryState isPending={changes.isPending} error={changes.error}>
      {() => (
        <Table striped withTableBorder captionSide="top" data-testid="import-ledger-rows">
          <Table.Caption>
            この取込で書き込んだ台帳の行(全{formatNumber(changes.data!.total)}件{changes.data!.total > SHOWN ? `のうち先頭の${SHOWN}件` : ''})
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>組合</Table.Th>
              <Table.Th>発効日</Table.Th>
              <Table.Th>事由</Table.Th>
              <Table.Th>雇用形態</Table.Th>
              <Table.Th>性別</Table.Th>
              <Table.Th ta="right">増減</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.data!.items.map((c: MembershipChange) => (
              <Table.Tr key={c.id}>
                <Table.Td>{unionName(c.unionId)}</Table.Td>
                <Table.Td>{formatDate(c.effectiveOn)}</Table.Td>
                <Table.Td>{c.reversalOf ? `取消(${c.causeLabel})` : c.causeLabel}</Table.Td>
                <Table.Td>{label('employmentTypes', c.employmentType)}</Table.Td>
                <Table.Td>{label('genders', c.gender)}</Table.Td>
                <Table.Td ta="right">{formatDelta(c.delta)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
