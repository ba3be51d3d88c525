import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../platform/format/format';
import { discardOutboxItem, retryOutboxItem, type OutboxItem } from './outbox';
import { refusalMessageJa } from './refusal-message';

/**
 * 「要対応 N件」: what the API refused when the outbox sent it later (a stage moved meanwhile, a
 * prospect now out of scope, a field it does not accept), each with the API's reason in
 * Japanese. Nothing leaves this list unless the person sends it again (再送) or discards it (破棄).
 */
export function OutboxAttention({ items }: { items: OutboxItem[] }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState<number | undefined>();
  const queryClient = useQueryClient();

  async function act(item: OutboxItem, action: (seq: number) => Promise<void>) {
    setBusy(item.seq);
    try {
      await action(item.seq);
      // what the screens show may have changed (the item was written, or the person looks again)
      await queryClient.invalidateQueries();
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <Button color="red" variant="light" size="compact-sm" onClick={open} style={{ whiteSpace: 'nowrap' }}>
        要対応 {items.length}件
      </Button>
      <Modal opened={opened} onClose={close} title="送信できなかった記録(要対応)" size="lg">
        <Stack gap="sm">
          <Text size="sm">サーバーが受け付けなかった記録です。内容を確かめて、もう一度送るか破棄してください。破棄するまで残ります。</Text>
          {items.map((item) => (
            <Paper key={item.seq} withBorder p="sm" component="section" aria-label={item.label}>
              <Text fw={700}>{item.label}</Text>
              <Text size="sm" c="dimmed">
                記録日時 {formatDateTime(item.recordedAt)}
              </Text>
              <Text size="sm" c="red.9" mt={4}>
                {item.refusal ? refusalMessageJa(item.refusal) : ''}
              </Text>
              <Group justify="flex-end" mt="xs">
                <Button
                  variant="default"
                  size="xs"
                  aria-label={`破棄 ${item.label}`}
                  disabled={busy !== undefined}
                  onClick={() => void act(item, discardOutboxItem)}
                >
                  破棄
                </Button>
                <Button
                  size="xs"
                  aria-label={`再送 ${item.label}`}
                  loading={busy === item.seq}
                  disabled={busy !== undefined}
                  onClick={() => void act(item, retryOutboxItem)}
                >
                  再送
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
