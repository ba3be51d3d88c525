import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { formatDateTime, formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { isReversible, kindLabel, stateLabel } from './import-kinds';
import { unionMembersChanged } from '../members/queries';
import { importHistoryQuery, importKeys, type ImportRecord } from './queries';
import { ReverseImportForm } from './ReverseImportForm';

/** 取込履歴: the latest files in the caller's scope, what became of them, and 取消 of a committed one. */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const queryClient = useQueryClient();
  const history = useQuery(importHistoryQuery);
  const [reversing, setReversing] = useState<ImportRecord>();
  const [reversed, setReversed] = useState<string>();
  const who = (entry: ImportRecord) => (entry.createdBy === me.id ? `${me.displayName}(あなた)` : '同じ組織の担当者');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="history-heading">
          取込履歴
        </Title>
        {reversed && (
          <Alert color="teal" role="status">
            {reversed}
          </Alert>
        )}
        <QueryState isPending={history.isPending} error={history.error}>
          {() =>
            history.data!.items.length === 0 ? (
              <Text c="dimmed">まだ取り込んだファイルはありません。</Text>
            ) : (
              <Table striped withTableBorder captionSide="top">
                <Table.Caption>
                  最近の取込
                  {history.data!.total > history.data!.items.length
                    ? `(全${formatNumber(history.data!.total)}件のうち新しい${history.data!.items.length}件)`
                    : ''}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>受付日時</Table.Th>
                    <Table.Th>種類</Table.Th>
                    <Table.Th>ファイル</Table.Th>
                    <Table.Th>状態</Table.Th>
                    <Table.Th ta="right">行数</Table.Th>
                    <Table.Th ta="right">誤り</Table.Th>
                    <Table.Th>取込日時</Table.Th>
                    <Table.Th>登録者</Table.Th>
                    <Table.Th>操作</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.data!.items.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
                      <Table.Td>{kindLabel(entry.kind)}</Table.Td>
                      <Table.Td>{entry.fileName}</Table.Td>
                      <Table.Td>{stateLabel(entry.state, { errorCount: entry.errorCount, reversed: entry.reversedAt !== null })}</Table.Td>
                      <Table.Td ta="right">{formatNumber(entry.rowsRead)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(entry.errorCount)}</Table.Td>
                      <Table.Td>{entry.committedAt ? formatDateTime(entry.committedAt) : '—'}</Table.Td>
                      <Table.Td>{who(entry)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => onOpen(entry.id)}
                            aria-label={`${entry.fileName}(${formatDateTime(entry.createdAt)})を表示`}
                          >
                            表示
                          </Button>
                          {isReversible(entry) && (
                            <Button size="compact-xs" variant="default" onClick={() => setReversing(entry)} aria-label={`${entry.fileName}の取込を取消`}>
                              取消
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
      <Modal opened={Boolean(reversing)} onClose={() => setReversing(undefined)} title="取込を取り消す">
        {reversing && (
          <ReverseImportForm
            entry={reversing}
            onCancel={() => setReversing(undefined)}
            onDone={() => {
              setReversed(`「${reversing.fileName}」の取込を取り消しました。台帳には逆の増減が記録されます。`);
              setReversing(undefined);
              void queryClient.invalidateQueries({ queryKey: importKeys.all });
              unionMembersChanged(queryClient);
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
