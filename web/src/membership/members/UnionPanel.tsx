import { useState } from 'react';
import { Alert, Button, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDate, formatDelta, formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { unionChangesQuery, unionMembersChanged, type MembershipChange as Change, type Union } from '../queries';
import { ChangeForm } from './ChangeForm';
import { ReverseForm } from './ReverseForm';
import { SurveyForm } from './SurveyForm';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { RecordHistory } from '../../platform/audit/RecordHistory';
import { UNION_FIELDS } from '../../structure/union-fields';

const UNION_HISTORY_FIELDS = { union: UNION_FIELDS };

/** One union: its members now, a change to record (or the annual survey), its 履歴, and its latest ledger entries. */
export function UnionPanel({ union }: { union: Union }) {
  const label = useLabels();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string>();
  const [reversing, setReversing] = useState<Change>();
  const refresh = () => unionMembersChanged(queryClient, union.id);
  const latest = unionChangesQuery(union.id);
  const changes = useQuery(latest);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="union-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="union-heading">
          {union.name}
        </Title>
        <Text>
          現在の組合員数{' '}
          <Text span fw={700} fz="lg" data-testid="union-current-members">
            {formatNumber(union.currentMembers)}
          </Text>
          人
          <Text span size="sm" c="dimmed" ml={8}>
            {union.regionalCouncilName}・{union.employerName}
          </Text>
        </Text>
        {saved && (
          <Alert color="teal" role="status">
            {saved}
          </Alert>
        )}
        <Tabs defaultValue="change" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="change">増減を記録</Tabs.Tab>
            <Tabs.Tab value="survey">年次調査</Tabs.Tab>
            <Tabs.Tab value="history">履歴</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="change" pt="sm">
            <ChangeForm
              unionId={union.id}
              onSaved={(change) => {
                setSaved(
                  `記録しました: ${formatDate(change.effectiveOn)} ${change.causeLabel} ${formatDelta(change.delta)}人。組合員数への反映には数秒かかります。`,
                );
                refresh();
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="survey" pt="sm">
            <SurveyForm
              unionId={union.id}
              onSaved={(survey) => {
                setSaved(
                  `調査結果を保存しました: ${formatDate(survey.surveyedOn)} 時点 ${formatNumber(survey.totalMembers)}人(記録との差 ${formatDelta(survey.totalMembers - survey.ledgerMembersBefore)}人を調整として記録)。`,
                );
                refresh();
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="sm">
            <RecordHistory path="/api/v1/unions/{id}/audit" id={union.id} name={union.name} fields={UNION_HISTORY_FIELDS} />
          </Tabs.Panel>
        </Tabs>
        <ExportButtons name={`${union.name}の増減`} of={latest} />
        <QueryState isPending={changes.isPending} error={changes.error}>
          {() => (
            <Table withTableBorder striped>
              <Table.Caption>最近の増減(新しい順)</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>発効日</Table.Th>
                  <Table.Th>事由</Table.Th>
                  <Table.Th>雇用形態</Table.Th>
                  <Table.Th ta="right">増減</Table.Th>
                  <Table.Th>取消</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(changes.data?.items ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDate(c.effectiveOn)}</Table.Td>
                    <Table.Td>{c.causeLabel}</Table.Td>
                    <Table.Td>{label('employmentTypes', c.employmentType)}</Table.Td>
                    <Table.Td ta="right">{formatDelta(c.delta)}</Table.Td>
                    <Table.Td>
                      {c.reversalOf ? (
                        '取消の記録'
                      ) : c.reversedBy ? (
                        '取消済み'
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setReversing(c)}
                          aria-label={`${formatDate(c.effectiveOn)} ${c.causeLabel} ${formatDelta(c.delta)}を取り消す`}
                        >
                          取り消す
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
      <Modal opened={Boolean(reversing)} onClose={() => setReversing(undefined)} title="増減の記録を取り消す">
        {reversing && (
          <ReverseForm
            change={reversing}
            onCancel={() => setReversing(undefined)}
            onDone={() => {
              setSaved(`取り消しました: ${formatDate(reversing.effectiveOn)} ${reversing.causeLabel} ${formatDelta(reversing.delta)}人。`);
              setReversing(undefined);
              refresh();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
