import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../api/client';
import { errorMessageJa } from '../../api/errors';
import { updateUser, userKeys } from './queries';

type User = Schemas['UserDto'];

/**
 * 「無効にする」 (admins): the account can no longer sign in, and every session, token and
 * calendar feed of it stops working at once; asked for again before it is done. A disabled
 * account can be turned back on (「有効に戻す」): it signs in again (its old sessions stay
 * ended) and its calendar address answers again (the person can 「URLを再発行」 in 通知設定).
 */
export function UserDisable({ user, onChanged }: { user: User; onChanged?: (user: User) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: (disabled: boolean) => updateUser(user.id, { disabled, version: user.version }),
    onSuccess: async (saved) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onChanged?.(saved);
    },
    // a stale version (someone changed the account meanwhile): read it again, so the next try uses the current one
    onError: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });

  return (
    <Stack gap="xs" component="section" aria-labelledby={`disable-heading-${user.id}`}>
      <Title order={3} size="h4" id={`disable-heading-${user.id}`}>
        アカウントの無効化
      </Title>
      {change.error && !confirming && (
        <Alert color="red" role="alert">
          {errorMessageJa(change.error)}
        </Alert>
      )}
      {user.disabled ? (
        <>
          <Text size="sm">
            このアカウントは無効です。ログインできず、カレンダーのURLも使えません。有効に戻すと、ログインでき、同じカレンダーのURLもまた使えるようになります。
          </Text>
          <Group>
            <Button variant="default" loading={change.isPending} onClick={() => change.mutate(false)}>
              有効に戻す
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm">退職や異動で使わなくなったアカウントは無効にします。記録と履歴は残ります。</Text>
          <Group>
            <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
              無効にする
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`${user.displayName}さんを無効にしますか?`}>
        <Stack gap="sm">
          <Text size="sm">
            {user.displayName}さん({user.email}
            )はすぐにログインできなくなり、ログイン中の画面、APIのトークン、カレンダーのURLもすべて使えなくなります。記録と履歴は残ります。
          </Text>
          {change.error && (
            <Alert color="red" role="alert">
              {errorMessageJa(change.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              キャンセル
            </Button>
            <Button color="red" loading={change.isPending} onClick={() => change.mutate(true)}>
              無効にする
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
