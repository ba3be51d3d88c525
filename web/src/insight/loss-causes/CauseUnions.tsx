import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { lossCausesQuery } from '../queries';

type Cause = Schemas['LossCauseDto'];
export type LossUnion = Schemas['LossUnionDto'];

interface Props {
  cause: Cause;
  from: string;
  to: string;
  regionalCouncilId?: string;
  onOpenUnion: (union: LossUnion) => void;
}

/** Every union that lost members by one cause in the period, largest first; together they make the cause's figure. */
export function CauseUnions({ cause, from, to, regionalCouncilId, onOpenUnion }: Props) {
  const report = useQuery(lossCausesQuery({ from, to, regionalCouncilId, cause: cause.cause }));
  return (
    <QueryState isPending={report.isPending} error={report.error}>
      {() => {
        const unions = report.data!.topUnions;
        if (!unions.length) return <Text c="dimmed">この要因で減少した単組はありません。</Text>;
        return (
          <Table withTableBorder striped captionSide="top">
            <Table.Caption>
              {cause.label}で減少した{formatNumber(unions.length)}単組(減少人数の多い順)。人数を押すと台帳の行を表示します。
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>単組</Table.Th>
                <Table.Th ta="right">減少(人)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unions.map((u) => (
                <Table.Tr key={u.unionId}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onOpenUnion(u)}
                      aria-label={`${u.name} ${formatNumber(u.members)}人の台帳の行を見る`}
                    >
                      {formatNumber(u.members)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>合計</Table.Td>
                <Table.Td ta="right">{formatNumber(unions.reduce((sum, u) => sum + u.members, 0))}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        );
      }}
    </QueryState>
  );
}
