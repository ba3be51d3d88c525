import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { formatDateTime, formatNumber } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { kindLabel } from './import-kinds';
import { reverseImport, type ImportRecord } from './imports-api';

/** Takes a whole committed file back: the ledger keeps its rows and records the opposite of each. */
export function ReverseImportForm({ entry, onDone, onCancel }: { entry: ImportRecord; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const imeSafe = useImeSafeSubmit();
  const reverse = useMutation({ mutationFn: () => reverseImport(entry.id, reason.trim(), idempotencyKey), onSuccess: onDone });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissingReason(reason.trim() === '');
    if (reason.trim() !== '') reverse.mutate();
  }

  const reasonProblem = missingReason ? '取り消す理由を入力してください' : reverse.error instanceof ApiError ? reverse.error.fieldMessage('reason') : undefined;
  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {kindLabel(entry.kind)}「{entry.fileName}」({entry.committedAt ? formatDateTime(entry.committedAt) : ''}取込・
          {formatNumber(entry.summary?.ledgerRows ?? entry.rowsValid)}件)をまとめて取り消します。記録は残り、それぞれ逆の増減が記録されます。
        </Text>
        {reverse.error && !reasonProblem && (
          <Alert color="red" role="alert">
            {reverse.error instanceof ApiError && reverse.error.status === 409
              ? 'この取込はすでに取り消されているか、取り消せない状態です。'
              : errorMessageJa(reverse.error)}
          </Alert>
        )}
        <TextInput label="取り消す理由" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonProblem} data-autofocus />
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
