import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { FieldLabels } from '../../audit/audit-changes';
import { AuditTrail } from '../../audit/AuditTrail';
import { auditEventsQuery, auditQuery, type AuditFilter } from '../../audit/queries';
import { ExportButtons } from '../../tables/ExportButtons';
import { AuditFilters } from './AuditFilters';

const NO_FILTER: AuditFilter = { actorId: '', action: '', from: '', to: '' };

/** 監査ログ (admins): who did what, to which record, and what changed; by person, action and period; as Excel or CSV too. */
export function AuditLogPage({ fields }: { fields: FieldLabels }) {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const backwards = Boolean(filter.from && filter.to && filter.from > filter.to);
  const query = auditEventsQuery(filter);
  const pages = useInfiniteQuery({ ...query, enabled: !backwards });
  const filtered = Object.keys(auditQuery(filter)).length > 0;

  return (
    <Stack gap="lg">
      <Title order={1}>監査ログ</Title>
      <Text size="sm">
        サインイン、ユーザーや組織・組合員数・事業所の変更、ファイルの出力など、記録された操作を新しい順に表示します。記録は変更・削除できません。
      </Text>
      <Paper withBorder p="md" component="section" aria-label="絞り込み">
        <Stack gap="sm">
          <AuditFilters filter={filter} onChange={setFilter} periodProblem={backwards ? '終了日が開始日より前です' : undefined} />
          <Group justify="space-between">
            <ExportButtons name="監査ログ" of={query} />
            {filtered && (
              <Button variant="subtle" size="xs" onClick={() => setFilter(NO_FILTER)}>
                条件をクリア
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      {backwards ? (
        <Alert color="yellow" role="alert">
          期間の終了日が開始日より前になっています。期間を直してください。
        </Alert>
      ) : (
        <AuditTrail
          pages={pages}
          caption={filtered ? '監査ログ(絞り込み中・新しい順)' : '監査ログ(新しい順)'}
          fields={fields}
          links
          empty={filtered ? '条件に合う記録はありません。' : '記録された操作はまだありません。'}
        />
      )}
    </Stack>
  );
}
