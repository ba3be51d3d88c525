import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { ApiError, errorMessageJa, unwrap } from '../../platform/api/errors';
import { formatDate, formatDelta } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';

type Change = Schemas['MembershipChangeDto'];

/** Takes back a wrong ledger entry: the ledger keeps it and records the opposite entry, linked to it. */
export function ReverseForm({ change, onDone, onCancel }: { change: Change; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const imeSafe = useImeSafeSubmit();
  const reverse = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/membership-changes/{id}/reverse', {
          params: { path: { id: change.id } },
          body: { reason },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: onDone,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    reverse.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {formatDate(change.effectiveOn)} {change.causeLabel} {formatDelta(change.delta)}人 を取り消します。記録は残り、逆の増減 {formatDelta(-change.delta)}人
          が記録されます。
        </Text>
        {reverse.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(reverse.error)}
          </Alert>
        )}
        <TextInput
          label="取り消す理由"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reverse.error instanceof ApiError ? reverse.error.fieldMessage('reason') : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" color="red.8" loading={reverse.isPending}>
            取り消す
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
