import type { MouseEvent, ReactNode } from 'react';
import { Anchor, Badge, Box, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { formatTimestamp } from '../format/format';
import { changeLines, detailLines, type FieldLabels, type ValueNames } from './audit-changes';
import { targetRecord, type TargetRecord } from './audit-target';
import { auditTargetQuery } from './queries';
import { ACTION_NAMES, OUTCOME_NAMES, targetName, type AuditEvent } from './audit-words';
import { useValueNames } from './useValueNames';

/** A link inside the console, followed without reloading the page (a new tab still works). */
function RecordLink({ href, children }: { href: string; children: ReactNode }) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ href });
  };
  return (
    <Anchor href={href} onClick={follow} size="sm">
      {children}
    </Anchor>
  );
}

/** A union's or workplace's name, read once per record (a deleted one is said to be so). */
function useRecordName(record: TargetRecord, names: ValueNames): { name?: string; gone: boolean } {
  const union = useQuery({ ...auditTargetQuery.union(record.id), enabled: record.kind === 'union' });
  const prospect = useQuery({ ...auditTargetQuery.prospect(record.id), enabled: record.kind === 'prospect' });
  switch (record.kind) {
    case 'user':
      return { name: names.user(record.id), gone: false };
    case 'union':
      return { name: union.data?.name, gone: Boolean(union.error) };
    case 'prospect':
      return { name: prospect.data?.employerName, gone: Boolean(prospect.error) };
  }
}

function TargetLink({ record, names }: { record: TargetRecord; names: ValueNames }) {
  const { name, gone } = useRecordName(record, names);
  if (gone)
    return (
      <Text size="sm" c="dimmed">
        (削除済み・範囲外)
      </Text>
    );
  return <RecordLink href={record.href}>{name ?? '開く'}</RecordLink>;
}

function Actor({ actor, names }: { actor: AuditEvent['actor']; names: ValueNames }) {
  if (!actor.email && !actor.id) return <Text size="sm">システム</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {actor.email ?? names.user(actor.id ?? '') ?? actor.id}
      </Text>
      {actor.role && (
        <Text size="xs" c="dimmed">
          {names.label('roles', actor.role)}
        </Text>
      )}
    </Stack>
  );
}

function Changes({ event, fields, names }: { event: AuditEvent; fields: FieldLabels; names: ValueNames }) {
  const lines = changeLines(event, fields, names);
  const details = detailLines(event, names);
  if (lines.length === 0 && details.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line.field} size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={700} size="sm">
            {line.label}
          </Text>
          : {line.before === null ? line.after : `${line.before} → ${line.after}`}
        </Text>
      ))}
      {details.map((detail) => (
        <Text key={detail} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      ))}
    </Stack>
  );
}

interface Props {
  caption: string;
  events: readonly AuditEvent[];
  /** The names of each kind of record's fields, as their screens show them. */
  fields: FieldLabels;
  /** 「対象」 links to the record's page (the whole log); a record's own 履歴 needs none. */
  links?: boolean;
}

/** Audited events: 日時, 操作者, 操作 (with 拒否 or 失敗 when it did not go through), 対象 and 変更内容. */
export function AuditTable({ caption, events, fields, links = false }: Props) {
  const names = useValueNames();
  return (
    // what does not fit even so (a phone) scrolls sideways; the region takes the keyboard's focus to do so
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
      <Table withTableBorder striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日時</Table.Th>
            <Table.Th>操作者</Table.Th>
            <Table.Th>操作</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>対象</Table.Th>
            <Table.Th miw={200} w="40%">
              変更内容
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const record = links ? targetRecord(event) : undefined;
            return (
              <Table.Tr key={event.id} data-testid="audit-event">
                {/* the time goes under the date where the table is narrow */}
                <Table.Td miw={90}>{formatTimestamp(event.occurredAt)}</Table.Td>
                <Table.Td>
                  <Actor actor={event.actor} names={names} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ACTION_NAMES[event.action] ?? event.action}</Text>
                  {event.outcome !== 'ok' && (
                    <Badge variant="light" color="red" c="var(--mantine-color-black)" mt={4}>
                      {OUTCOME_NAMES[event.outcome]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {targetName(event.targetType)}
                  </Text>
                  {record && <TargetLink record={record} names={names} />}
                </Table.Td>
                <Table.Td>
                  <Changes event={event} fields={fields} names={names} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
