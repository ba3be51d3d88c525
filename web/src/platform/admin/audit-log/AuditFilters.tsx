import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { actionChoices, type AuditAction } from '../../audit/audit-words';
import type { AuditFilter } from '../../audit/queries';
import { usersQuery } from '../users/queries';

const ACTIONS = actionChoices();

interface Props {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  /** Why the period cannot be read as it is (its end before its start). */
  periodProblem?: string;
}

/** 「操作者」, 「操作」 and 「期間」 of 監査ログ. */
export function AuditFilters({ filter, onChange, periodProblem }: Props) {
  const users = useQuery(usersQuery);
  const people = [...(users.data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'ja'));
  const set = (change: Partial<AuditFilter>) => onChange({ ...filter, ...change });
  return (
    <Group align="flex-start" gap="md">
      <NativeSelect
        label="操作者"
        value={filter.actorId}
        onChange={(e) => set({ actorId: e.currentTarget.value })}
        data={[{ value: '', label: 'すべての人' }, ...people.map((u) => ({ value: u.id, label: `${u.displayName}(${u.email})` }))]}
        w={320}
      />
      <NativeSelect
        label="操作"
        value={filter.action}
        onChange={(e) => set({ action: e.currentTarget.value as AuditAction | '' })}
        data={[{ value: '', label: 'すべての操作' }, ...ACTIONS]}
        w={280}
      />
      <Group component="fieldset" aria-label="期間" gap="xs" align="flex-start" m={0} p={0} style={{ border: 0 }}>
        <TextInput
          label="期間(開始)"
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set({ from: e.currentTarget.value })}
          w={170}
        />
        <TextInput
          label="期間(終了)"
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => set({ to: e.currentTarget.value })}
          error={periodProblem}
          w={170}
        />
      </Group>
    </Group>
  );
}
