import { Button, Group, Paper, Text } from '@mantine/core';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** How often a console left open (a phone keeps it all day) asks whether a new version is out. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and, when a new version of the console has been installed
 * beside the running one, says so: 「更新」 switches now (the page reloads; what waits in the
 * outbox is in IndexedDB and stays), 「あとで」 keeps the old one until every window closes.
 * The person decides, so no form is reloaded under their fingers. A new version is looked
 * for when the page comes back into view and every hour.
 */
export function NewVersionNotice() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
      };
      document.addEventListener('visibilitychange', check);
      window.setInterval(check, CHECK_EVERY_MS);
    },
  });
  if (!needRefresh) return null;
  return (
    <Paper
      role="region"
      aria-label="新しい版"
      aria-live="polite"
      className="no-print"
      withBorder
      shadow="md"
      p="md"
      style={{ position: 'fixed', insetInline: 16, bottom: 16, zIndex: 300, maxWidth: 480, marginInline: 'auto' }}
    >
      <Text fw={700}>新しい版があります</Text>
      <Text size="sm">「更新」で画面を読み込み直します。送信待ちの記録は消えません。</Text>
      <Group mt="sm">
        <Button onClick={() => void updateServiceWorker(true)}>更新</Button>
        <Button variant="default" onClick={() => setNeedRefresh(false)}>
          あとで
        </Button>
      </Group>
    </Paper>
  );
}
