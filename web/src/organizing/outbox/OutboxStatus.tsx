import { lazy, Suspense, useEffect } from 'react';
import { Group, Text } from '@mantine/core';
import { startOutbox, useOutboxAttention, useOutboxCount } from './outbox';

// only drawn when something was refused, so the shell does not carry it
const OutboxAttention = lazy(() => import('./OutboxAttention').then((m) => ({ default: m.OutboxAttention })));

/**
 * 「送信待ち N件」 while recorded items wait to be sent, and 「要対応 N件」 while the API refused
 * some (a list with 再送/破棄 behind it); nothing when the outbox is empty. Mounting it (the
 * signed-in shell) starts the outbox: it sends what waits and listens for the connection.
 */
export function OutboxStatus() {
  const waiting = useOutboxCount();
  const attention = useOutboxAttention();
  useEffect(() => {
    startOutbox();
  }, []);
  if (waiting === 0 && attention.length === 0) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {waiting > 0 && (
        <Text role="status" fw={700} size="sm" c="#8a3106" bg="orange.0" px={8} py={2} style={{ whiteSpace: 'nowrap', borderRadius: 4 }}>
          送信待ち {waiting}件
        </Text>
      )}
      {attention.length > 0 && (
        <Suspense fallback={null}>
          <OutboxAttention items={attention} />
        </Suspense>
      )}
    </Group>
  );
}
