import { Text } from '@mantine/core';
import { useOutboxCount } from './outbox';

/** 「送信待ち N件」 while recorded items wait to be sent; nothing at zero. */
export function OutboxStatus() {
  const waiting = useOutboxCount();
  if (waiting === 0) return null;
  return (
    <Text role="status" fw={700} c="orange.9">
      送信待ち {waiting}件
    </Text>
  );
}
