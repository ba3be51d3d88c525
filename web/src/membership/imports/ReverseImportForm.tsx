import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { formatDateTime, formatNumber } from '../../platform/format/format';
import { useApiForm } from '../../platform/forms/useApiForm';
import { kindLabel } from './import-kinds';
import { reverseImport, type ImportRecord } from './queries';

/** Takes a whole committed file back: the ledger keeps its rows and records the opposite of each. */
export function ReverseImportForm({ entry, onDone, onCancel }: { entry: ImportRecord; onDone: () => void; onCancel: () => void }) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { field, formProps, saving, error } = useApiForm({
    initialValues: { reason: '' },
    validate: { reason: (reason) => (reason.trim() ? null : '取り消す理由を入力してください') },
    save: (v) => reverseImport(entry.id, v.reason.trim(), idempotencyKey),
    onSaved: onDone,
  });
  const reason = field('reason');

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <Text size="sm">
          {kindLabel(entry.kind)}「{entry.fileName}」({entry.committedAt ? formatDateTime(entry.committedAt) : ''}取込・
          {formatNumber(entry.summary?.ledgerRows ?? entry.rowsValid)}件)をまとめて取り消します。記録は残り、それぞれ逆の増減が記録されます。
        </Text>
        {error !== null && !reason.error && (
          <Alert color="red" role="alert">
            {error instanceof ApiError && error.status === 409 ? 'この取込はすでに取り消されているか、取り消せない状態です。' : errorMessageJa(error)}
          </Alert>
        )}
        <TextInput label="取り消す理由" required {...reason} data-autofocus />
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
