import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { formatDate, formatDelta } from '../../platform/format/format';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { reverseChange, type MembershipChange } from '../queries';

/** Takes back a wrong ledger entry: the ledger keeps it and records the opposite entry, linked to it. */
export function ReverseForm({ change, onDone, onCancel }: { change: MembershipChange; onDone: () => void; onCancel: () => void }) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { field, formProps, saveProblem, saving } = useApiForm({
    initialValues: { reason: '' },
    save: (v) => reverseChange(change.id, v.reason, idempotencyKey),
    onSaved: onDone,
  });

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <Text size="sm">
          {formatDate(change.effectiveOn)} {change.causeLabel} {formatDelta(change.delta)}人 を取り消します。記録は残り、逆の増減 {formatDelta(-change.delta)}人
          が記録されます。
        </Text>
        <SaveProblem {...saveProblem} />
        <TextInput label="取り消す理由" required {...field('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" color="red.8" loading={saving}>
            取り消す
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
